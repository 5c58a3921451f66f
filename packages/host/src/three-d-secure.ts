/**
 * 3-D Secure in the merchant page: `handleNextAction(payment)` shows the gateway's challenge page
 * (the payment's `redirect_url`) in a modal iframe and resolves with the outcome that page posts
 * back. The message is trusted only from the challenge page's origin and from that iframe's
 * window, and only for this payment; the merchant's server should still read the payment again.
 */
// The deep import keeps this lazy chunk from sharing a chunk with the rest of the protocol.
import { isThreeDSResultMessage, type ThreeDSOutcome } from '@pay/protocol/three-d-secure';
import { dialogLocale, DIALOG_STRINGS } from './three-d-secure-strings.js';

/** The part of a payment object (gateway API) that 3-D Secure needs. */
export interface NextActionPayment {
  id: string;
  status: string;
  redirect_url?: string | null;
}

export interface NextActionOptions {
  /**
   * The dialog's language: a BCP 47 tag, as the group's `locale` (pass `group.locale`); by
   * default the page's `<html lang>`, then the browser's language.
   */
  locale?: string;
}

export interface NextActionResult {
  payment_id: string;
  /** `canceled`: the customer closed the dialog; the payment still waits for the challenge. */
  status: ThreeDSOutcome | 'canceled';
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
    const status = payment.status === 'failed' ? 'failed' : 'succeeded';
    return Promise.resolve({ payment_id, status });
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
    close.onclick = () => finish('canceled');
    // Escape closes a modal dialog: the same as the close button.
    dialog.oncancel = (event) => {
      event.preventDefault();
      finish('canceled');
    };
  });
}
