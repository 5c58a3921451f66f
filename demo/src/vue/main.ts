// Hydrates the Vue checkout the shop's server rendered into #framework-checkout.
import { createSSRApp, h } from 'vue';
import { readSettings } from '../checkout-settings.js';
import { CheckoutApp } from './checkout-app.js';

const root = document.getElementById('framework-checkout');
if (root) {
  const settings = readSettings(root);
  createSSRApp({ render: () => h(CheckoutApp, { settings }) }).mount(root);
}
