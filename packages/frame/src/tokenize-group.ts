import {
  CARD_PARTS,
  isCardPart,
  type CardBrand,
  type CardPart,
  type CardNetwork,
  type TokenizeOutcome,
  type TokenizeRequest,
} from '@pay/protocol';
import { errorMessage } from './card-rules/error-messages.js';
import { cardValidatorReady } from './card-rules/card-validator-loader.js';
import { PART_SPECS } from './card-rules/part-specs.js';
import { settle } from './card-rules/part-rules.js';
import type { GroupChannel } from './group/group-channel.js';
import { cardBody, requestToken } from './token-request.js';

/** The host is not trusted to send a well-formed request. */
export function parseTokenizeRequest(input: unknown): TokenizeRequest | null {
  if (typeof input !== 'object' || input === null) return null;
  const { parts, cardholderName, after } = input as Record<string, unknown>;
  if (!Array.isArray(parts) || parts.length > 4) return null;
  if (!parts.every(isCardPart)) return null;
  if (!parts.includes('number') || !parts.includes('expiry') || !parts.includes('cvc')) return null;
  if (
    cardholderName !== undefined &&
    (typeof cardholderName !== 'string' || cardholderName.length > 64)
  )
    return null;
  const versions: Partial<Record<CardPart, number>> = {};
  if (typeof after === 'object' && after !== null)
    for (const [part, seq] of Object.entries(after))
      if (isCardPart(part) && Number.isSafeInteger(seq) && (seq as number) >= 0)
        versions[part] = seq as number;
  return {
    parts,
    ...(cardholderName ? { cardholderName } : {}),
    after: versions,
  } as TokenizeRequest;
}

/** What the tokenizing frame knows beside the values: its number's brand, the group's rules. */
export interface TokenizeContext {
  brand: CardBrand | null;
  acceptedBrands: readonly CardBrand[] | null;
  /** The network chosen for a co-badged number, null when none was. */
  network: CardNetwork | null;
}

/**
 * Run in the group's number (or combined) frame: gather every part inside the gateway
 * origin, stop at the first invalid one (its frame now shows the error), else ask for a token.
 */
export async function tokenizeGroup(
  input: unknown,
  group: GroupChannel,
  publishableKey: string | undefined,
  { brand, acceptedBrands, network }: TokenizeContext,
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
    values = await group.collect(request.parts, request.after);
  } catch {
    return {
      ok: false,
      error: {
        code: 'frame_not_ready',
        message: 'A card field of the group did not hand over its value; try again.',
      },
    };
  }
  // Every part is assessed again here, with the number's brand: a sibling may not have heard
  // the brand yet (the CVC length) or may still be loading its card rules.
  await cardValidatorReady;
  const now = new Date();
  for (const part of CARD_PARTS) {
    const value = values.get(part);
    if (!value || (part === 'name' && request.cardholderName)) continue;
    // An expiry that is not a date (13 / 30) arrives empty: its frame's own error says why.
    // A submit settles every error: a number that fails Luhn is invalid now, not incomplete.
    const assessed = settle(
      PART_SPECS[part].rules.assess(value.value, { brand, now, acceptedBrands }),
    );
    const error = value.value ? assessed.error : (value.error ?? assessed.error);
    if (error) return { ok: false, error: { code: error, message: errorMessage(error) }, part };
  }
  const card = cardBody(values, request.cardholderName);
  if (network) card.networks = { preferred: network };
  return requestToken(publishableKey, card);
}
