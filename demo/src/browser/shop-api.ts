// The shop's browser side of a payment, shared by every checkout (the plain script, React and
// Vue): send the token to the shop's server, run 3-D Secure when the payment needs it, and say
// where to go next or what to tell the customer. Card data never passes through here: only the
// single-use token.
import type { Payment, PaymentStatus } from '@pay/protocol/payment-status';
import { customerMessage } from '../customer-messages.js';

/** The part of the gateway's payment (`Payment`) the shop's server hands to the page. */
export type NextActionPayment = Pick<Payment, 'id' | 'status' | 'redirect_url'>;

export interface OrderView {
  id: string;
  state: 'open' | 'requires_action' | 'paid' | 'failed';
  result_url: string;
  payment: NextActionPayment | null;
  error?: { code: string; message: string };
}

/** `handleNextAction` of the SDK: resolves with the payment's status after the challenge. */
export type HandleNextAction = (payment: NextActionPayment) => Promise<{ status: PaymentStatus }>;

/** Where a payment attempt ended: a page to go to, or a sentence for the customer. */
export type PayStep = { leave: string } | { message: string };

export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

export async function postJson(url: string, body: unknown): Promise<OrderView> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw Object.assign(new Error('shop unreachable'), { code: 'network_error' });
  }
  const view = (await res.json().catch(() => null)) as OrderView | null;
  if (!view?.id) throw Object.assign(new Error('bad answer'), { code: 'unknown' });
  return view;
}

/** Runs the in-page 3-D Secure challenge, then asks the shop's server what the gateway says. */
export async function verifyInPage(
  orderId: string,
  payment: NextActionPayment,
  handleNextAction: HandleNextAction,
): Promise<PayStep> {
  const outcome = await handleNextAction(payment);
  const view = await postJson(`/api/checkout/${orderId}/refresh`, {});
  if (view.state === 'requires_action') {
    const code =
      // Still requires_action after the dialog: the customer closed it without a decision.
      view.error?.code ?? (outcome.status === 'requires_action' ? 'authentication_canceled' : '');
    return { message: customerMessage(code || 'authentication_canceled') };
  }
  return { leave: view.result_url };
}

/** Pays the order with a card token; 3-D Secure in the page (`modal`) or by `redirect`. */
export async function payOrder(
  orderId: string,
  token: string,
  threeDS: string | undefined,
  handleNextAction: HandleNextAction,
): Promise<PayStep> {
  try {
    const view = await postJson(`/api/checkout/${orderId}/pay`, { token });
    if (view.error) return { message: view.error.message };
    if (view.state === 'requires_action' && view.payment?.redirect_url) {
      if (threeDS === 'redirect') return { leave: view.payment.redirect_url };
      return await verifyInPage(orderId, view.payment, handleNextAction);
    }
    return { leave: view.result_url };
  } catch (err) {
    return { message: customerMessage(errorCode(err)) };
  }
}
