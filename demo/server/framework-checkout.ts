// The React and Vue checkouts, rendered here and hydrated in the browser: the customer sees the
// form (its fields' boxes, labels and button) before any script has run.
import { createElement } from 'react';
import { renderToString as renderReact } from 'react-dom/server';
import { createSSRApp, h } from 'vue';
import { renderToString as renderVue } from 'vue/server-renderer';
import type { CheckoutSettings } from '../src/checkout-settings.js';
import { CheckoutApp as ReactCheckout } from '../src/react/checkout-app.js';
import { CheckoutApp as VueCheckout } from '../src/vue/checkout-app.js';
import type { Framework } from './orders.js';

export function renderCheckout(framework: Framework, settings: CheckoutSettings): Promise<string> {
  if (framework === 'react') {
    return Promise.resolve(renderReact(createElement(ReactCheckout, { settings })));
  }
  return renderVue(createSSRApp({ render: () => h(VueCheckout, { settings }) }));
}
