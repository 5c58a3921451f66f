import {
  CARD_PARTS,
  type CardBrand,
  type TokenizeOutcome,
  type TokenizeRequest,
} from '@pay/protocol';
import { errorMessage } from './card-rules/error-messages.js';
import { cvcRules } from './card-rules/cvc-rules.js';
import type { GroupChannel } from './group/group-channel.js';
import { requestToken } from './token-request.js';

/** The host is not trusted to send a well-formed request. */
export function parseTokenizeRequest(input: unknown): TokenizeRequest | null {
  if (typeof input !== 'object' || input === null) return null;
  const { parts, cardholderName } = input as Record<string, unknown>;
  if (!Array.isArray(parts) || parts.length > 4) return null;
  if (!parts.every((part) => (CARD_PARTS as unknown[]).includes(part))) return null;
  if (!parts.includes('number') || !parts.includes('expiry') || !parts.includes('cvc')) return null;
  if (
    cardholderName !== undefined &&
    (typeof cardholderName !== 'string' || cardholderName.length > 64)
  )
    return null;
  return { parts, ...(cardholderName ? { cardholderName } : {}) } as TokenizeRequest;
}

/**
 * Run in the group's number (or combined) frame: gather every part inside the gateway
 * origin, stop at the first invalid one (its frame now shows the error), else ask for a token.
 */
export async function tokenizeGroup(
  input: unknown,
  group: GroupChannel,
  publishableKey: string | undefined,
  brand: CardBrand | null,
): Promise<TokenizeOutcome> {
  const request = parseTokenizeRequest(input);
  if (!request) {
    return {
      ok: false,
      error: {
        code: 'missing_field',
        message: 'A card number, an expiry and a CVC field are needed.',
      },
    };
  }
  if (!publishableKey) {
    return {
      ok: false,
      error: { code: 'missing_publishable_key', message: 'The group has no publishable key.' },
    };
  }
  let values;
  try {
    values = await group.collect(request.parts);
  } catch {
    return {
      ok: false,
      error: {
        code: 'frame_not_ready',
        message: 'A card field of the group did not hand over its value; try again.',
      },
    };
  }
  for (const part of CARD_PARTS) {
    const value = values.get(part);
    if (!value || (part === 'name' && request.cardholderName)) continue;
    // The CVC frame may not have heard the brand yet; its length is checked here again.
    const error =
      value.error ??
      (part === 'cvc' ? cvcRules.assess(value.value, { brand, now: new Date() }).error : undefined);
    if (error) return { ok: false, error: { code: error, message: errorMessage(error) }, part };
  }
  const [month, year] = (values.get('expiry')?.value ?? '').split('/');
  const name = request.cardholderName ?? values.get('name')?.value;
  return requestToken(publishableKey, {
    number: values.get('number')?.value ?? '',
    exp_month: Number(month),
    exp_year: Number(year),
    cvc: values.get('cvc')?.value ?? '',
    ...(name ? { cardholder_name: name } : {}),
  });
}
