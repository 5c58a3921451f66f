/**
 * The message the gateway's 3-D Secure challenge page posts to the window that framed it,
 * so the host SDK's `handleNextAction(payment)` can resolve without leaving the page.
 *
 * The SDK adds `parent_origin=<merchant page origin>` to the payment's `redirect_url` when it
 * frames the page; the challenge page posts only to that exact origin, and the SDK accepts the
 * message only from the gateway origin and from the challenge iframe's own window.
 */
import { PAYMENT_STATUSES, type PaymentStatus } from './payment-status.js';

export const THREE_DS_RESULT = 'pay:3ds-result';

/**
 * The payment's own status once the challenge is decided: `completed` (or `authorized` with
 * manual capture) or `failed`; a page opened again later says where the payment is now.
 */
export type ThreeDSOutcome = Exclude<PaymentStatus, 'requires_action'>;

export function isThreeDSOutcome(value: unknown): value is ThreeDSOutcome {
  return value !== 'requires_action' && (PAYMENT_STATUSES as readonly unknown[]).includes(value);
}

export interface ThreeDSResultMessage {
  type: typeof THREE_DS_RESULT;
  payment_id: string;
  status: ThreeDSOutcome;
}

export function isThreeDSResultMessage(data: unknown): data is ThreeDSResultMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return (
    m.type === THREE_DS_RESULT && typeof m.payment_id === 'string' && isThreeDSOutcome(m.status)
  );
}
