import type { CardNetwork } from './card-networks.js';

/** A payment's `status` (docs/gateway-api.md, "Payment object"). */
export const PAYMENT_STATUSES = [
  /** 3-D Secure: the customer must pass the challenge at `redirect_url`. */
  'requires_action',
  /** Approved, not captured (`capture_method: manual`). */
  'authorized',
  'completed',
  'partially_refunded',
  'refunded',
  /** An authorized payment voided. */
  'canceled',
  /** Declined; the payment's `error` says why. */
  'failed',
] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** When the money moves: at once, or on `POST /v1/payments/{id}/capture`. */
export const CAPTURE_METHODS = ['automatic', 'manual'] as const;
export type CaptureMethod = (typeof CAPTURE_METHODS)[number];

/**
 * The payment object of the gateway API (docs/gateway-api.md, "POST /v1/payments"), as
 * `POST /v1/payments`, `GET /v1/payments/{id}`, capture, void and refund answer it. The
 * gateway builds its answers as this type (payment-view.ts), so the two cannot drift.
 */
export interface Payment {
  /** `pay_…` */
  id: string;
  object: 'payment';
  status: PaymentStatus;
  /** In major units (`12.34`), as sent. */
  amount: number;
  /** Lower case ISO 4217 (`eur`). */
  currency: string;
  capture_method: CaptureMethod;
  amount_captured: number;
  amount_refunded: number;
  /** The card's brand and last 4 digits; never more of the number. */
  card: {
    brand: string;
    last4: string;
    exp_month: number;
    exp_year: number;
    /** The network the payment went through; null for a card of no known network. */
    network: CardNetwork | null;
  };
  external_id: string | null;
  metadata: Record<string, string>;
  return_url: string | null;
  /** The 3-D Secure challenge page while `requires_action`, else null. */
  redirect_url: string | null;
  /** ISO 8601 */
  created_at: string;
  updated_at: string;
  /** On a `failed` payment: why (`card_declined`, `insufficient_funds`, …). */
  error?: {
    type: string;
    code: string;
    message: string;
    request_id?: string;
  };
}
