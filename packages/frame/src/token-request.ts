import {
  CARD_PARTS,
  isPassedApiErrorCode,
  type CardPart,
  type PayErrorCode,
  type TokenizeOutcome,
} from '@pay/protocol';
import {
  type CardBody,
  type PartValue,
  type TokenAnswer,
  type TokenRequestBody,
} from '@pay/protocol/gateway';
import { errorMessage } from './card-rules/error-messages.js';
import { PART_SPECS } from './card-rules/part-specs.js';

/** The body's card from the parts' canonical values; a name given to tokenize() wins. */
export function cardBody(
  values: ReadonlyMap<CardPart, PartValue>,
  cardholderName?: string,
): CardBody {
  const card: CardBody = { number: '', exp_month: 0, exp_year: 0, cvc: '' };
  for (const part of CARD_PARTS) {
    const value = part === 'name' && cardholderName ? cardholderName : values.get(part)?.value;
    if (value !== undefined) Object.assign(card, PART_SPECS[part].body(value));
  }
  return card;
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
  card: CardBody,
): Promise<TokenizeOutcome> {
  const request: TokenRequestBody = { card };
  let response: Response;
  try {
    response = await fetch('/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${publishableKey}` },
      body: JSON.stringify(request),
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
          networks: {
            available: [...(c.networks?.available ?? [])],
            preferred: c.networks?.preferred ?? null,
          },
        },
        expires_at,
      },
    };
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  // Only the codes the page can act on pass as they are (protocol error-codes).
  let code: PayErrorCode = response.status === 429 ? 'rate_limited' : 'api_error';
  if (isPassedApiErrorCode(error?.code)) code = error.code;
  const message =
    typeof error?.message === 'string' && error.message.length < 300
      ? error.message
      : errorMessage(code);
  return { ok: false, error: { code, message } };
}
