import { BRAND_NAMES, isCardBrand } from '@pay/protocol/card-brands';
import { customerMessage } from '../../src/customer-messages.js';
import { formatMoney } from '../catalog.js';
import { html } from '../html.js';
import { orderState, type Order } from '../orders.js';

export function resultPage(order: Order) {
  const payment = order.payment;
  const p = order.product;
  const state = orderState(order);
  const status = payment?.status ?? 'open';
  const card = payment?.card;
  const details = payment
    ? html`<dl class="details">
        <div>
          <dt>Amount</dt>
          <dd>${formatMoney(payment.amount, payment.currency)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd><span class="badge badge-${status}" id="payment-status">${status}</span></dd>
        </div>
        ${
          card
            ? html`<div>
                <dt>Card</dt>
                <dd>${brandName(card.brand)} •••• ${card.last4}</dd>
              </div>`
            : ''
        }
        <div>
          <dt>Payment</dt>
          <dd><code id="payment-id">${payment.id}</code></dd>
        </div>
        <div>
          <dt>Order</dt>
          <dd><code>${order.id}</code></dd>
        </div>
      </dl>`
    : '';

  if (state === 'paid') {
    const authorized = status === 'authorized';
    return html`
      <section class="card result result-success" data-state="success">
        <div class="result-icon" aria-hidden="true">✓</div>
        <h1>${authorized ? 'Payment authorized' : 'Thank you, payment received'}</h1>
        <p class="lead">
          ${
            authorized
              ? `Your card is authorized for ${formatMoney(p.price, p.currency)}. We charge it when your ${p.name.toLowerCase()} ships.`
              : `Your ${p.name.toLowerCase()} is on its way. A receipt is in your inbox.`
          }
        </p>
        ${details}
        <div class="actions">
          <a class="button" href="/">Continue shopping</a>
          <a class="button button-quiet" href="/orders">See orders</a>
        </div>
      </section>
    `;
  }

  if (state === 'failed') {
    const code = payment?.error?.code ?? 'card_declined';
    return html`
      <section class="card result result-failure" data-state="failure">
        <div class="result-icon" aria-hidden="true">!</div>
        <h1>Payment not completed</h1>
        <p class="lead" id="failure-message">${customerMessage(code)}</p>
        <p class="small muted">Error code: <code id="error-code">${code}</code></p>
        ${details}
        <div class="actions">
          <a class="button" href="/checkout/${order.id}" id="try-again">Try again</a>
          <a class="button button-quiet" href="/">Back to the shop</a>
        </div>
      </section>
    `;
  }

  return html`
    <section class="card result" data-state="pending">
      <div class="result-icon" aria-hidden="true">…</div>
      <h1>Payment not finished</h1>
      <p class="lead">This payment still waits for a step from you. Nothing has been charged.</p>
      ${details}
      <div class="actions">
        <a class="button" href="/checkout/${order.id}">Back to checkout</a>
      </div>
    </section>
  `;
}

export function brandName(brand: string): string {
  return isCardBrand(brand) ? BRAND_NAMES[brand] : 'Card';
}
