import type { PayErrorCode, TokenizeOutcome, TokenResult } from '@pay/protocol';
import { errorMessage } from './card-rules/error-messages.js';

export interface CardForToken {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
  cardholder_name?: string;
}

const PASSED_CODES = new Set<PayErrorCode>([
  'validation_error',
  'rate_limited',
  'unauthorized',
  'merchant_not_active',
]);

interface TokenAnswer {
  id: string;
  card: TokenResult['card'];
  expires_at: string;
}

function isTokenAnswer(body: unknown): body is TokenAnswer {
  const b = body as Partial<TokenAnswer> | null;
  return (
    typeof b?.id === 'string' && typeof b.card === 'object' && typeof b.expires_at === 'string'
  );
}

/**
 * POST /v1/tokens on the frame's own origin, the gateway. The answer holds brand, bin, last4
 * and expiry; the number and CVC are in the request body only. The card is passed on as the
 * gateway gave it: the gateway decides how many digits `bin` shows (fewer for short numbers).
 */
export async function requestToken(
  publishableKey: string,
  card: CardForToken,
): Promise<TokenizeOutcome> {
  let response: Response;
  try {
    response = await fetch('/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${publishableKey}` },
      body: JSON.stringify({ card }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, error: { code: 'network_error', message: errorMessage('network_error') } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201 && isTokenAnswer(body)) {
    const { id, card: c, expires_at } = body;
    return {
      ok: true,
      result: {
        token: id,
        card: {
          brand: c.brand,
          bin: c.bin,
          last4: c.last4,
          exp_month: c.exp_month,
          exp_year: c.exp_year,
        },
        expires_at,
      },
    };
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  let code: PayErrorCode = response.status === 429 ? 'rate_limited' : 'api_error';
  if (typeof error?.code === 'string' && PASSED_CODES.has(error.code as PayErrorCode)) {
    code = error.code as PayErrorCode;
  }
  const message =
    typeof error?.message === 'string' && error.message.length < 300
      ? error.message
      : errorMessage(code);
  return { ok: false, error: { code, message } };
}
