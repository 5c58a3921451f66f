/**
 * 3-D Secure in the merchant page: `handleNextAction(payment)` shows the gateway's challenge page
 * (the payment's `redirect_url`) in a modal iframe and resolves with the payment's status that
 * page posts back. The message is trusted only from the challenge page's origin and from that
 * iframe's window, and only for this payment; the merchant's server should still read the
 * payment again.
 */
// The deep imports keep this lazy chunk from sharing a chunk with the rest of the protocol.
import type { Payment, PaymentStatus } from '@pay/protocol/payment-status';
import { isThreeDSResultMessage } from '@pay/protocol/three-d-secure';
import { dialogLocale, DIALOG_STRINGS } from './three-d-secure-strings.js';

/** The part of a payment object (`Payment`) that 3-D Secure needs: pass the whole payment. */
export interface NextActionPayment {
  id: Payment['id'];
  status: PaymentStatus;
  redirect_url?: Payment['redirect_url'];
}

export interface NextActionOptions {
  /**
   * The dialog's language: a BCP 47 tag, as the group's `locale` (pass `group.locale`); by
   * default the page's `<html lang>`, then the browser's language.
   */
  locale?: string;
}

/**
 * Where the payment stands after `handleNextAction`, in the payment's own words (`Payment`'s
 * `status`): `completed`, `authorized` (manual capture) or `failed` once the challenge is
 * decided; `requires_action` when the customer closed the dialog and the payment still waits.
 * A payment that needed no challenge resolves with its status as it was.
 */
export interface NextActionResult {
  payment_id: string;
  status: PaymentStatus;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, css: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // CSSOM, not a style attribute: allowed under the merchant's CSP without 'unsafe-inline'.
  node.style.cssText = css;
  return node;
}

export function handleNextAction(
  payment: NextActionPayment,
  options: NextActionOptions = {},
): Promise<NextActionResult> {
  const payment_id = payment.id;
  if (payment.status !== 'requires_action' || !payment.redirect_url) {
    return Promise.resolve({ payment_id, status: payment.status });
  }
  const url = new URL(payment.redirect_url, location.href);
  url.searchParams.set('parent_origin', location.origin);

  const locale = dialogLocale(options.locale);
  const text = DIALOG_STRINGS[locale];

  const dialog = el(
    'dialog',
    'position:fixed;inset:0;width:100%;height:100%;max-width:none;max-height:none;margin:0;' +
      'padding:0;border:0;background:rgb(15 23 42/.55);display:grid;place-items:center',
  );
  dialog.setAttribute('aria-label', text.dialog);
  dialog.lang = locale;
  // The page's direction unless the language has its own (the close button sits at the end).
  if (locale === 'ar') dialog.dir = 'rtl';
  const panel = el(
    'div',
    'display:flex;flex-direction:column;width:min(440px,100vw - 16px);' +
      'height:min(640px,100vh - 16px);background:#fff;border-radius:12px;overflow:hidden',
  );
  const close = el(
    'button',
    'align-self:flex-end;padding:4px 12px;border:0;background:none;font:24px/1 sans-serif',
  );
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', text.close);
  const frame = el('iframe', 'flex:1;width:100%;border:0');
  frame.title = text.frame;
  frame.src = url.href;
  panel.append(close, frame);
  dialog.append(panel);
  document.body.append(dialog);
  dialog.showModal();

  return new Promise((resolve) => {
    const finish = (status: NextActionResult['status']) => {
      removeEventListener('message', onMessage);
      dialog.close(); // gives focus back to where it was
      dialog.remove();
      resolve({ payment_id, status });
    };
    const onMessage = (event: MessageEvent) => {
      if (
        event.origin === url.origin &&
        event.source === frame.contentWindow &&
        isThreeDSResultMessage(event.data) &&
        event.data.payment_id === payment_id
      ) {
        finish(event.data.status);
      }
    };
    addEventListener('message', onMessage);
    // Closed without a decision: the payment still waits for the challenge.
    close.onclick = () => finish('requires_action');
    // Escape closes a modal dialog: the same as the close button.
    dialog.oncancel = (event) => {
      event.preventDefault();
      finish('requires_action');
    };
  });
}
