/**
 * The numeric card rules both sides apply: the frame while the customer types, the gateway on
 * `POST /v1/tokens`. Pure, so either side runs them on its own clock.
 */
import type { CardBrand } from '../card-brands.js';

/** A card number's digits, whatever its brand. */
export const CARD_NUMBER_DIGITS = { min: 12, max: 19 } as const;

/** 4 digits for amex, 3 for the other brands, 3 or 4 while the brand is unknown. */
export function cvcLengths(brand: CardBrand | null): readonly number[] {
  if (brand === 'amex') return [4];
  if (brand && brand !== 'unknown') return [3];
  return [3, 4];
}

/** How far ahead an expiry may be (docs/gateway-api.md: "at most 50 years ahead"). */
export const MAX_EXPIRY_YEARS_AHEAD = 50;

export type ExpiryCheck = 'valid' | 'invalid_month' | 'expired' | 'too_far';

/**
 * A card is valid through the last day of its expiry month. `today` is the checker's
 * calendar month (1 to 12): the customer's local one in the frame, UTC in the gateway.
 */
export function checkExpiry(
  expiry: { exp_month: number; exp_year: number },
  today: { year: number; month: number },
): ExpiryCheck {
  const { exp_month: month, exp_year: year } = expiry;
  if (!Number.isInteger(month) || month < 1 || month > 12) return 'invalid_month';
  if (year < today.year || (year === today.year && month < today.month)) return 'expired';
  if (year > today.year + MAX_EXPIRY_YEARS_AHEAD) return 'too_far';
  return 'valid';
}
