import { isCardNetwork } from '@pay/protocol/card-networks';
import type { DeclineCode } from '@pay/protocol/error-codes';
import type { Payment } from '@pay/protocol/payment-status';
import { declineMessages } from './errors.js';
import { fromMinor } from './money.js';
import { creationHttpStatus } from './payment-transitions.js';
import type { PaymentRecord } from './storage/storage.js';

/**
 * The payment object of gateway-api.md, from a stored payment: the protocol's `Payment` (the
 * type @pay/host exports to merchants), which is also what the response schema describes.
 */
export function paymentView(p: PaymentRecord, gatewayUrl: string, requestId?: string): Payment {
  const decline = p.errorCode as DeclineCode | null;
  return {
    id: p.id,
    object: 'payment',
    status: p.status,
    amount: fromMinor(p.amount, p.currency),
    currency: p.currency,
    capture_method: p.captureMethod,
    amount_captured: fromMinor(p.amountCaptured, p.currency),
    amount_refunded: fromMinor(p.amountRefunded, p.currency),
    card: {
      brand: p.card.brand,
      last4: p.card.last4,
      exp_month: p.card.expMonth,
      exp_year: p.card.expYear,
      network: isCardNetwork(p.card.network) ? p.card.network : null,
    },
    external_id: p.externalId,
    metadata: p.metadata,
    return_url: p.returnUrl,
    redirect_url:
      p.status === 'requires_action' && p.challengeSecret
        ? `${gatewayUrl}/3ds/${p.id}/${p.challengeSecret}`
        : null,
    created_at: new Date(p.createdAtMs).toISOString(),
    updated_at: new Date(p.updatedAtMs).toISOString(),
    ...(decline
      ? {
          error: {
            type: 'payment_error',
            code: decline,
            message: declineMessages[decline] ?? 'The payment failed.',
            ...(requestId ? { request_id: requestId } : {}),
          },
        }
      : {}),
  };
}

/** HTTP status of a payment-creating answer (gateway-api.md, "Answers, by status"). */
export function creationStatus(p: PaymentRecord): number {
  return creationHttpStatus(p.status);
}
