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
