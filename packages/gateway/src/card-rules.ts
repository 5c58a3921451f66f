import cardValidator from 'card-validator';
import luhn10 from 'card-validator/dist/luhn-10.js';
import type { CardBody } from '@pay/protocol/gateway/card-body';
import { brandFromCardType, type CardBrand } from '@pay/protocol/card-brands';
import { type CardNetwork } from '@pay/protocol/card-networks';
import {
  CO_BADGED_NUMBER_LENGTH,
  availableNetworks,
  coBadgedNetworks,
} from '@pay/protocol/gateway/co-badged-networks';
import { CARD_NUMBER_DIGITS, checkExpiry, cvcLengths } from '@pay/protocol/gateway/card-rules';
import { ApiError } from './errors.js';

/** The API's brand names, one list with the frames'. */
export type Brand = CardBrand;

interface BrandRules {
  type: string;
  lengths: number[];
}

/** credit-card-type's longest prefix pattern: past it, a number's digits do not change its brand. */
const BRAND_PREFIX_DIGITS = 8;
const brandCache = new Map<string, BrandRules | null>();
// card-validator re-exports credit-card-type's lookup as an import-star namespace (the
// function is its `default`, or the value itself, depending on the module interop).
type CardTypeLookup = (number: string) => BrandRules[];
const reexported = cardValidator.creditCardType as unknown as
  CardTypeLookup | { default: CardTypeLookup };
const cardTypes: CardTypeLookup =
  typeof reexported === 'function' ? reexported : reexported.default;

/**
 * The one brand a number (12 digits or more) belongs to, or null when none or several match,
 * as card-validator's number() decides it. That lookup clones every matching brand's
 * configuration per call, so its outcome is kept per issuer prefix (the first 8 digits, what
 * an issuer identification number is; never more of the number), in a bounded map.
 */
function brandRules(number: string): BrandRules | null {
  const prefix = number.slice(0, BRAND_PREFIX_DIGITS);
  let rules = brandCache.get(prefix);
  if (rules === undefined) {
    const types = cardTypes(prefix);
    const only = types.length === 1 ? types[0] : undefined;
    rules = only ? { type: only.type, lengths: [...only.lengths] } : null;
    if (brandCache.size >= 4096) brandCache.clear();
    brandCache.set(prefix, rules);
  }
  return rules;
}

/** The card of `POST /v1/tokens`, as its schema let it through. */
export type CardInput = CardBody;

export interface CheckedCard {
  number: string;
  brand: Brand;
  cvc: string;
  /** The networks the card can go through: two for a co-badged BIN, else its brand. */
  networks: CardNetwork[];
  /** The network asked for in `card.networks.preferred`, one of `networks`; else null. */
  preferredNetwork: CardNetwork | null;
}

/**
 * The rules of `POST /v1/tokens` beyond the JSON schema. Messages name the field, never
 * its value: they end up in responses and logs.
 */
export function checkCard(card: CardInput, now: Date): CheckedCard {
  const number = card.number.replace(/[\s-]/g, '');
  const { min, max } = CARD_NUMBER_DIGITS;
  if (!/^\d+$/.test(number) || number.length < min || number.length > max) {
    throw new ApiError('validation_error', 'card.number is not a valid card number', 'card.number');
  }
  // card-validator's number() rules, with the brand lookup memoised (see brandRules).
  const rules = brandRules(number);
  let brand: Brand;
  if (rules) {
    const luhnOk = rules.type === 'unionpay' || luhn10(number);
    // A co-badged range's numbers have one length (the frames' rule: they are whole there).
    const lengths = coBadgedNetworks(number) ? [CO_BADGED_NUMBER_LENGTH] : rules.lengths;
    if (!luhnOk || !lengths.includes(number.length)) {
      throw new ApiError(
        'validation_error',
        'card.number is not a valid card number',
        'card.number',
      );
    }
    brand = brandFromCardType(rules.type);
  } else {
    // Numbers of no known brand are accepted when Luhn-valid (the sandbox's "any other card").
    if (!luhn10(number)) {
      throw new ApiError(
        'validation_error',
        'card.number is not a valid card number',
        'card.number',
      );
    }
    brand = 'unknown';
  }

  const expiry = checkExpiry(card, { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
  if (expiry === 'expired') {
    throw new ApiError('validation_error', 'The card has expired', 'card.exp_year');
  }
  if (expiry === 'invalid_month') {
    throw new ApiError('validation_error', 'card.exp_month must be 1 to 12', 'card.exp_month');
  }
  if (expiry === 'too_far') {
    throw new ApiError(
      'validation_error',
      'card.exp_year is too far in the future',
      'card.exp_year',
    );
  }

  const cvcLength = cvcLengths(brand);
  if (!cvcLength.includes(card.cvc.length)) {
    throw new ApiError(
      'validation_error',
      `card.cvc must be ${cvcLength.join(' or ')} digits for this card`,
      'card.cvc',
    );
  }
  const networks = availableNetworks(number, brand);
  const preferred = card.networks?.preferred ?? null;
  if (preferred && !networks.includes(preferred)) {
    throw new ApiError(
      'validation_error',
      `card.networks.preferred must be one of this card's networks (${networks.join(', ') || 'none'})`,
      'card.networks.preferred',
    );
  }
  return { number, brand, cvc: card.cvc, networks, preferredNetwork: preferred };
}
