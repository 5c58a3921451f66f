import {
  CARD_NUMBER_DIGITS,
  CO_BADGED_NUMBER_LENGTH,
  coBadgedNetworks,
} from '@pay/protocol/gateway';
import { cardValidator } from './card-validator-loader.js';
import { brandOf } from './brand.js';
import { digitsOf, type PartRules } from './part-rules.js';

const DEFAULT_GAPS = [4, 8, 12];
const MAX_DIGITS = CARD_NUMBER_DIGITS.max;

function cardOf(digits: string) {
  return cardValidator()?.number(digits).card;
}

/** The lengths a number starting with `digits` may have: its brand's, or a co-badged range's. */
function lengthsOf(digits: string, brandLengths: number[] | undefined): number[] | undefined {
  return coBadgedNetworks(digits) ? [CO_BADGED_NUMBER_LENGTH] : brandLengths;
}

/** Groups digits by the brand's gaps (amex 4-6-5, most others 4-4-4-4) up to its longest length. */
export function formatNumber(raw: string): string {
  let digits = digitsOf(raw);
  const card = cardOf(digits);
  const lengths = lengthsOf(digits, card?.lengths);
  digits = digits.slice(0, lengths ? Math.max(...lengths) : MAX_DIGITS);
  const gaps = card?.gaps ?? DEFAULT_GAPS;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (gaps.includes(i)) out += ' ';
    out += digits[i];
  }
  return out;
}

export const numberRules: PartRules = {
  part: 'number',
  significant: /\d/,
  format: formatNumber,
  assess(value, { acceptedBrands }) {
    const digits = digitsOf(value);
    const validator = cardValidator();
    if (!digits || !validator) {
      // Empty, or the rules are still loading: nothing to show yet (the form assesses again).
      return {
        empty: !digits,
        complete: false,
        error: 'incomplete_number',
        eager: false,
        brand: null,
      };
    }
    const check = validator.number(digits);
    const brand = brandOf(check.card?.type);
    // Said as soon as the digits name the brand: typing on cannot make it accepted.
    if (brand && acceptedBrands && !acceptedBrands.includes(brand))
      return { empty: false, complete: false, error: 'unsupported_brand', eager: true, brand };
    const lengths = lengthsOf(digits, check.card?.lengths) ?? [];
    const mayGrow = lengths.some((length) => length > digits.length);
    if (check.isValid && !mayGrow) return { empty: false, complete: true, eager: false, brand };
    const fullLength = lengths.includes(digits.length);
    if (!check.isPotentiallyValid || (fullLength && !mayGrow)) {
      // A number of its brand's longest length that fails Luhn is wrong: say so at once.
      return { empty: false, complete: false, error: 'invalid_number', eager: true, brand };
    }
    // Brands with several lengths (Visa 16, 18 or 19, Maestro 12 to 19): a prefix of a valid
    // length may be a longer card still being typed, and whether it passes Luhn must not show.
    // Until the customer is done (blur, submit) or the brand's longest length, it is simply
    // unfinished: no `complete` and no `invalid_number` coming and going with each digit.
    return {
      empty: false,
      complete: false,
      error: 'incomplete_number',
      eager: false,
      brand,
      ...(check.isValid
        ? { settled: { complete: true } }
        : fullLength
          ? { settled: { complete: false, error: 'invalid_number' as const } }
          : {}),
    };
  },
};
