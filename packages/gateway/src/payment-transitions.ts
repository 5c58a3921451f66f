// The payment state machine, in one table: for each status and each action, where the payment
// goes and what the answer's HTTP status is, or the error that refuses the action. The routes
// (payments.ts, three-d-secure.ts) and payment-view.ts read it; the storages only write what
// the routes decide. test/payment-transitions.test.ts walks every cell over HTTP, and
// docs/gateway-api.md's "Status transitions" list is checked against it.
import { PAYMENT_STATUSES } from '@pay/protocol/payment-status';
import type { CaptureMethod, PaymentStatus } from '@pay/protocol/payment-status';

export { PAYMENT_STATUSES };
export type { PaymentStatus };

/**
 * What may be asked of an existing payment: by the merchant's server (`POST
 * /v1/payments/{id}/capture`, `/void`, `/refund`) or by the shopper on the 3-D Secure page
 * (`decision=complete`, `decision=fail`).
 */
export const PAYMENT_ACTIONS = [
  'capture',
  'void',
  'refund',
  'complete_challenge',
  'fail_challenge',
] as const;
export type PaymentAction = (typeof PAYMENT_ACTIONS)[number];

/** The approval rule, written once: a manual capture waits authorized, an automatic one is done. */
export const APPROVED_STATUS = {
  automatic: 'completed',
  manual: 'authorized',
} as const satisfies Record<CaptureMethod, PaymentStatus>;

/** An approved payment's status and captured amount (minor units), at creation or after 3-D Secure. */
export function approval(
  amount: number,
  captureMethod: CaptureMethod,
): { status: PaymentStatus; amountCaptured: number } {
  const status = APPROVED_STATUS[captureMethod];
  return { status, amountCaptured: status === 'completed' ? amount : 0 };
}

export type Transition =
  /** The payment goes to `to`, or to `partly` when only part of what is left is refunded. */
  | { outcome: 'moves'; to: PaymentStatus; partly?: PaymentStatus; http: number }
  /** The payment is approved: APPROVED_STATUS of its capture method. */
  | { outcome: 'approves'; http: number }
  /** Nothing is written; the answer is the error `code` (the error table's HTTP status). */
  | { outcome: 'refused'; code: 'invalid_status'; http: number }
  /** Nothing is written and the answer is as for the first time (a second 3-D Secure decision). */
  | { outcome: 'unchanged'; http: number };

const refused = { outcome: 'refused', code: 'invalid_status', http: 400 } as const;
/** The 3-D Secure page answers a decision with the outcome page (a 303 to return_url unframed). */
const decided = { outcome: 'unchanged', http: 200 } as const;
const refunds = {
  outcome: 'moves',
  to: 'refunded',
  partly: 'partially_refunded',
  http: 200,
} as const;

export const PAYMENT_TRANSITIONS: Readonly<
  Record<PaymentStatus, Readonly<Record<PaymentAction, Transition>>>
> = {
  requires_action: {
    capture: refused,
    void: refused,
    refund: refused,
    complete_challenge: { outcome: 'approves', http: 200 },
    fail_challenge: { outcome: 'moves', to: 'failed', http: 200 },
  },
  authorized: {
    capture: { outcome: 'moves', to: 'completed', http: 200 },
    void: { outcome: 'moves', to: 'canceled', http: 200 },
    refund: refused,
    complete_challenge: decided,
    fail_challenge: decided,
  },
  completed: {
    capture: refused,
    void: refused,
    refund: refunds,
    complete_challenge: decided,
    fail_challenge: decided,
  },
  partially_refunded: {
    capture: refused,
    void: refused,
    refund: refunds,
    complete_challenge: decided,
    fail_challenge: decided,
  },
  refunded: {
    capture: refused,
    void: refused,
    refund: refused,
    complete_challenge: decided,
    fail_challenge: decided,
  },
  canceled: {
    capture: refused,
    void: refused,
    refund: refused,
    complete_challenge: decided,
    fail_challenge: decided,
  },
  failed: {
    capture: refused,
    void: refused,
    refund: refused,
    complete_challenge: decided,
    fail_challenge: decided,
  },
};

export function transitionOf(status: PaymentStatus, action: PaymentAction): Transition {
  return PAYMENT_TRANSITIONS[status][action];
}

/** How `POST /v1/payments` ends, by the sandbox network's answer: the new payment's status and HTTP status. */
export const CREATION_OUTCOMES = {
  approved: { to: APPROVED_STATUS, http: 201 },
  challenge: { to: 'requires_action', http: 202 },
  declined: { to: 'failed', http: 400 },
} as const satisfies Record<
  string,
  { to: PaymentStatus | Record<CaptureMethod, PaymentStatus>; http: number }
>;

/** HTTP status of a payment-creating answer, by the new payment's status. */
export function creationHttpStatus(status: PaymentStatus): number {
  for (const outcome of Object.values(CREATION_OUTCOMES)) {
    const to: readonly PaymentStatus[] =
      typeof outcome.to === 'string' ? [outcome.to] : Object.values(outcome.to);
    if (to.includes(status)) return outcome.http;
  }
  return CREATION_OUTCOMES.approved.http;
}

/** Every status a transition may lead to from `status` by `action` (none when it does not move). */
export function nextStatuses(status: PaymentStatus, action: PaymentAction): PaymentStatus[] {
  const t = transitionOf(status, action);
  if (t.outcome === 'approves') return [...new Set(Object.values(APPROVED_STATUS))];
  if (t.outcome !== 'moves') return [];
  return t.partly ? [t.partly, t.to] : [t.to];
}
