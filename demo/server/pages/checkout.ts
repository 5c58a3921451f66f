import { formatMoney } from '../catalog.js';
import type { ShopConfig } from '../config.js';
import { settingsAttributes, type CheckoutSettings } from '../../src/checkout-settings.js';
import { escapeHtml, html, rendered, type Markup } from '../html.js';
import type { Framework, Integration, Order } from '../orders.js';
import testCards from '../../test-cards.json' with { type: 'json' };
import { cardLabels, SHOP_LANGUAGES, type CardLabels } from '../shop-language.js';

const INTEGRATIONS: Array<[Integration, string]> = [
  ['split', 'Split fields'],
  ['card', 'One field'],
  ['form', 'No-script form'],
  ['react', 'React'],
  ['vue', 'Vue'],
];

/** The React or Vue checkout: the server's rendering, and the settings it hydrates with. */
export interface FrameworkCheckout {
  framework: Framework;
  settings: CheckoutSettings;
  markup: string;
}

export function payLabel(order: Order): string {
  const total = formatMoney(order.product.price, order.product.currency);
  return order.captureMethod === 'manual' ? `Authorize ${total}` : `Pay ${total}`;
}

export function checkoutPage(
  config: ShopConfig,
  order: Order,
  message: Markup | string = '',
  app?: FrameworkCheckout,
  labels: CardLabels = cardLabels(SHOP_LANGUAGES[0]),
) {
  const p = order.product;
  const total = formatMoney(p.price, p.currency);
  const pending = order.payment?.status === 'requires_action';
  return html`
    <div class="checkout">
      <section class="card summary" aria-labelledby="summary-title">
        <h2 id="summary-title">Your order</h2>
        <div class="line-item">
          <img src="${p.image}" alt="" width="96" height="60" />
          <div>
            <strong>${p.name}</strong>
            <span class="muted">Qty 1</span>
          </div>
          <span>${total}</span>
        </div>
        <dl class="totals">
          <div>
            <dt>Shipping</dt>
            <dd>Free</dd>
          </div>
          <div class="grand">
            <dt>Total</dt>
            <dd>${total}</dd>
          </div>
        </dl>
        <p class="muted small">Order <code>${order.id}</code></p>
      </section>

      <section class="card pay" aria-labelledby="pay-title">
        <h1 id="pay-title">Payment</h1>
        ${pending ? '' : settings(order)}
        ${
          pending
            ? verification(order, message)
            : app
              ? frameworkForm(app)
              : payForm(config, order, message, labels)
        }
        <details class="test-cards">
          <summary>Test cards</summary>
          <p class="small muted">Any future expiry date and any CVC of the right length.</p>
          <table>
            <tbody>
              ${testCards.map(
                (c) =>
                  html`<tr>
                    <td><code>${c.number}</code></td>
                    <td>${c.outcome}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </details>
      </section>
    </div>
  `;
}

function settings(order: Order) {
  const link = (param: string, value: string, label: string, current: string) =>
    html`<a
      href="?${param}=${value}"
      class="segment"
      aria-current="${value === current ? 'true' : 'false'}"
      >${label}</a
    >`;
  return html`
    <div class="settings" aria-label="Demo settings">
      <div class="setting">
        <span class="setting-label">Card form</span>
        <div class="segments">
          ${INTEGRATIONS.map(([v, l]) => link('integration', v, l, order.integration))}
        </div>
      </div>
      <div class="setting">
        <span class="setting-label">Capture</span>
        <div class="segments">
          ${link('capture', 'automatic', 'Automatic', order.captureMethod)}
          ${link('capture', 'manual', 'Manual', order.captureMethod)}
        </div>
      </div>
      <div class="setting">
        <span class="setting-label">3-D Secure</span>
        <div class="segments">
          ${
            order.integration === 'form'
              ? html`<span class="segment" aria-current="true">Redirect</span>`
              : html`${link('three_ds', 'modal', 'In the page', order.threeDS)}
                ${link('three_ds', 'redirect', 'Redirect', order.threeDS)}`
          }
        </div>
      </div>
    </div>
  `;
}

function alertBox(message: Markup | string) {
  // The live region stays in the DOM so screen readers hear every message put into it.
  return html`<div class="alert" role="alert" id="pay-message" ${message ? '' : 'hidden'}>
    ${message}
  </div>`;
}

/** The root the framework's app hydrates; its settings ride along as data-* attributes. */
function frameworkForm({ framework, settings, markup }: FrameworkCheckout) {
  const attributes = settingsAttributes(settings)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  // A plain string, not html``: nothing may come between the root and the app's markup
  // (whitespace there would not hydrate), and a formatter would put some there.
  const root = `<div id="framework-checkout" data-framework="${framework}"${attributes}>`;
  return rendered(`${root}${markup}</div>`);
}

function payForm(config: ShopConfig, order: Order, message: Markup | string, labels: CardLabels) {
  const label = payLabel(order);
  if (order.integration === 'form') {
    // No script of the shop's own: the SDK puts card_token into the form data on submit.
    return html`
      <form method="post" action="/checkout/${order.id}" class="pay-form" id="checkout-form">
        <pay-card-fields publishable-key="${config.publishableKey}" name="card_token" theme="none">
          ${cardFields('split', labels)}
        </pay-card-fields>
        ${alertBox(message)}
        <button class="button pay-button" type="submit">${label}</button>
      </form>
    `;
  }
  return html`
    <form
      class="pay-form"
      id="checkout-form"
      data-order="${order.id}"
      data-three-ds="${order.threeDS}"
      novalidate
    >
      <pay-card-fields publishable-key="${config.publishableKey}" id="card-group" theme="none">
        ${cardFields(order.integration === 'card' ? 'card' : 'split', labels)}
      </pay-card-fields>
      ${alertBox(message)}
      <button class="button pay-button" type="submit" data-label="${label}">
        <span class="spinner" aria-hidden="true"></span><span class="label">${label}</span>
      </button>
    </form>
  `;
}

// The <label>s name the fields (and their frames' inputs); a field without a label of its own
// is named in the frame's language. The groups' theme="none": the shop draws the fields' boxes
// (.pay-field in shop.css).
function cardFields(integration: 'split' | 'card', labels: CardLabels) {
  if (integration === 'card') {
    return html`<div class="field">
      <label for="card">${labels.card}</label>
      <pay-card id="card" class="pay-field"></pay-card>
    </div>`;
  }
  return html`
    <div class="field">
      <label for="card-number">${labels.number}</label>
      <pay-card-number id="card-number" class="pay-field"></pay-card-number>
    </div>
    <div class="field-row">
      <div class="field">
        <label for="card-expiry">${labels.expiry}</label>
        <pay-card-expiry id="card-expiry" class="pay-field"></pay-card-expiry>
      </div>
      <div class="field">
        <label for="card-cvc">${labels.cvc}</label>
        <pay-card-cvc id="card-cvc" class="pay-field"></pay-card-cvc>
      </div>
    </div>
    <div class="field">
      <label for="card-name">${labels.name}</label>
      <pay-cardholder-name id="card-name" class="pay-field"></pay-cardholder-name>
    </div>
  `;
}

function verification(order: Order, message: Markup | string) {
  const payment = order.payment;
  if (!payment?.redirect_url) return '';
  return html`
    <div class="verification" id="verification">
      <h2>Confirm the payment with your bank</h2>
      <p>
        Your bank asked for a quick check (3-D Secure) before it approves this payment. Nothing is
        charged until you finish it.
      </p>
      ${
        order.threeDS === 'modal' && order.integration !== 'form'
          ? html`<button
              class="button"
              type="button"
              id="continue-verification"
              data-order="${order.id}"
              data-payment="${payment.id}"
              data-redirect="${payment.redirect_url}"
            >
              Continue verification
            </button>`
          : html`<a class="button" id="continue-verification" href="${payment.redirect_url}"
              >Continue verification</a
            >`
      }
      ${alertBox(message)}
    </div>
  `;
}
