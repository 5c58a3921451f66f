/**
 * Co-badged card ranges: which numbers carry two networks, and how long they are. Card rules
 * read by the frame and the gateway only; the merchant page learns the networks, never a range.
 */
import type { CardBrand } from '../card-brands.js';
import type { CardNetwork } from '../card-networks.js';

/**
 * The sandbox's co-badged issuer ranges: the first 8 digits (an IIN, what a BIN table keys
 * on; never more of the number) → the networks, the domestic one first. The frame and the
 * gateway read the same table, so the choice offered is the one the gateway validates.
 */
export const CO_BADGED_BINS: Readonly<Record<string, readonly CardNetwork[]>> = {
  '40000026': ['cartes_bancaires', 'visa'],
  '55555525': ['cartes_bancaires', 'mastercard'],
};

export const CO_BADGE_BIN_DIGITS = 8;

/**
 * Cartes Bancaires numbers have 16 digits, and so has every number of a co-badged range: a
 * Visa of such a range is whole at 16 digits, where another Visa may still grow to 19.
 */
export const CO_BADGED_NUMBER_LENGTH = 16;

/** The co-badged networks of the range `digits` fall in; undefined for any other number. */
export function coBadgedNetworks(digits: string): readonly CardNetwork[] | undefined {
  if (digits.length < CO_BADGE_BIN_DIGITS) return undefined;
  return CO_BADGED_BINS[digits.slice(0, CO_BADGE_BIN_DIGITS)];
}

/** The networks a card of `brand` whose number is `digits` can be routed through. */
export function availableNetworks(digits: string, brand: CardBrand | null): CardNetwork[] {
  const coBadged = coBadgedNetworks(digits);
  if (coBadged) return [...coBadged];
  return brand && brand !== 'unknown' ? [brand] : [];
}
