import { customerMessage } from '../../src/customer-messages.js';
import { formatMoney } from '../catalog.js';
import type { Payment, PaymentList } from '../gateway-client.js';
import { html } from '../html.js';
import { brandName } from './result.js';

export interface Notice {
  tone: 'ok' | 'error';
  text: string;
}

const DONE: Record<string, string> = {
  capture: 'Captured',
  void: 'Voided',
  refund: 'Refunded',
};

const ERRORS: Record<string, string> = {
  invalid_status: 'That is not possible in the payment’s current status.',
  invalid_amount: 'That amount is not possible: at most what is left, with up to 2 decimals.',
  validation_error: 'That amount is not possible: at most what is left, with up to 2 decimals.',
  not_found: 'The gateway does not know that payment.',
};

/** The outcome of a back-office action, from fixed texts (never text taken from the URL). */
export function noticeFrom(query: Record<string, string | undefined>): Notice | null {
  const payment = /^pay_\w+$/.test(query.payment ?? '') ? ` ${query.payment}` : '';
  const done = DONE[query.done ?? ''];
  if (done) return { tone: 'ok', text: `${done}${payment}.` };
  const code = query.error ?? '';
  if (!/^[a-z_]{1,40}$/.test(code)) return null;
  const text = ERRORS[code] ?? (code === 'gateway_unreachable' ? customerMessage(code) : null);
  return { tone: 'error', text: text ?? `The gateway refused it (${code}).` };
}

export function ordersPage(list: PaymentList | null, notice: Notice | null, after: string) {
  return html`
    <section class="orders">
      <div class="orders-head">
        <h1>Orders</h1>
        <p class="muted">
          The shop's payments, read from the gateway with the secret key. Capture or void authorized
          payments, refund completed ones.
        </p>
      </div>
      ${
        notice
          ? html`<div class="alert alert-${notice.tone}" role="status" id="notice">
              ${notice.text}
            </div>`
          : ''
      }
      ${
        list === null
          ? html`<div class="alert" role="alert">${customerMessage('gateway_unreachable')}</div>`
          : list.data.length === 0
            ? html`<p class="empty card">No payments yet. <a href="/">Buy something</a> first.</p>`
            : html`<ul class="payment-list">
                ${list.data.map(paymentRow)}
              </ul>`
      }
      <nav class="pager" aria-label="Pages">
        ${after ? html`<a href="/orders">Newest</a>` : ''}
        ${
          list?.has_more
            ? html`<a href="/orders?after=${list.data[list.data.length - 1]?.id ?? ''}">Older</a>`
            : ''
        }
      </nav>
    </section>
  `;
}

function paymentRow(p: Payment) {
  const left = Math.round((p.amount - p.amount_refunded) * 100) / 100;
  const canRefund = p.status === 'completed' || p.status === 'partially_refunded';
  return html`
    <li
      class="card payment-row"
      data-payment-id="${p.id}"
      data-order="${p.external_id ?? ''}"
      data-status="${p.status}"
    >
      <div class="payment-main">
        <strong class="amount">${formatMoney(p.amount, p.currency)}</strong>
        <span class="badge badge-${p.status}">${p.status.replace('_', ' ')}</span>
        ${p.capture_method === 'manual' ? html`<span class="tag">manual capture</span>` : ''}
      </div>
      <div class="payment-meta small muted">
        ${p.card ? html`<span>${brandName(p.card.brand)} •••• ${p.card.last4}</span>` : ''}
        <span><code>${p.id}</code></span>
        ${p.external_id ? html`<span>order <code>${p.external_id}</code></span>` : ''}
        <time datetime="${p.created_at}">${new Date(p.created_at).toUTCString().slice(5, 22)}</time>
        ${
          p.amount_refunded > 0
            ? html`<span class="refunded"
                >refunded ${formatMoney(p.amount_refunded, p.currency)}</span
              >`
            : ''
        }
        ${p.error?.code ? html`<span>error <code>${p.error.code}</code></span>` : ''}
      </div>
      <div class="payment-actions">
        ${
          p.status === 'authorized'
            ? html`<form method="post" action="/orders/${p.id}/capture" class="amount-form">
                  <label class="visually-hidden" for="capture-${p.id}">Capture amount</label>
                  <input
                    id="capture-${p.id}"
                    name="amount"
                    inputmode="decimal"
                    placeholder="Full"
                  />
                  <button class="button button-small" type="submit">Capture</button>
                </form>
                <form method="post" action="/orders/${p.id}/void">
                  <button class="button button-small button-quiet" type="submit">Void</button>
                </form>`
            : ''
        }
        ${
          canRefund
            ? html`<form method="post" action="/orders/${p.id}/refund" class="amount-form">
                <label class="visually-hidden" for="refund-${p.id}">Refund amount</label>
                <input
                  id="refund-${p.id}"
                  name="amount"
                  inputmode="decimal"
                  placeholder="Full"
                  aria-describedby="refund-hint-${p.id}"
                />
                <button class="button button-small button-quiet" type="submit">Refund</button>
                <span class="visually-hidden" id="refund-hint-${p.id}"
                  >Leave empty to refund all that is left, ${formatMoney(left, p.currency)}</span
                >
              </form>`
            : ''
        }
      </div>
    </li>
  `;
}
