/** @jsxRuntime automatic @jsxImportSource react */
// Hydrates the React checkout the shop's server rendered into #framework-checkout.
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { readSettings } from '../checkout-settings.js';
import { CheckoutApp } from './checkout-app.js';

const root = document.getElementById('framework-checkout');
if (root) {
  hydrateRoot(
    root,
    <StrictMode>
      <CheckoutApp settings={readSettings(root)} />
    </StrictMode>,
  );
}
