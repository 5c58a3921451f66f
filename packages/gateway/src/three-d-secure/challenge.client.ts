/**
 * The script of the gateway's 3-D Secure pages (served as an external file: their CSP forbids
 * inline script). On the result page it tells the SDK that framed the challenge the outcome,
 * posting only to the exact `parent_origin` the SDK gave.
 */
import { isThreeDSOutcome, THREE_DS_RESULT } from '@pay/protocol';
import type { ThreeDSResultMessage } from '@pay/protocol';

const result = document.querySelector<HTMLElement>('[data-three-ds-result]');
if (result) {
  const { paymentId, status, parentOrigin } = result.dataset;
  const target: Window | null =
    window.parent !== window ? window.parent : (window.opener as Window | null);
  if (target && parentOrigin && paymentId && isThreeDSOutcome(status)) {
    const message: ThreeDSResultMessage = { type: THREE_DS_RESULT, payment_id: paymentId, status };
    target.postMessage(message, parentOrigin);
  }
}

// One decision per challenge: a double click must not send two.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-three-ds-decision]')) {
  form.addEventListener('submit', () => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('button')) {
      button.disabled = true;
    }
  });
}
