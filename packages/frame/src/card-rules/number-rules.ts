import { cardValidator } from './card-validator-loader.js';
import { brandOf } from './brand.js';
import { digitsOf, type PartRules } from './part-rules.js';

const DEFAULT_GAPS = [4, 8, 12];
const MAX_DIGITS = 19;

function cardOf(digits: string) {
  return cardValidator()?.number(digits).card;
}

/** Groups digits by the brand's gaps (amex 4-6-5, most others 4-4-4-4) up to its longest length. */
export function formatNumber(raw: string): string {
  let digits = digitsOf(raw);
  const card = cardOf(digits);
  digits = digits.slice(0, card ? Math.max(...card.lengths) : MAX_DIGITS);
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
  assess(value) {
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
    if (check.isValid) return { empty: false, complete: true, eager: false, brand };
    const fullLength = check.card?.lengths.includes(digits.length) ?? false;
    if (!check.isPotentiallyValid || fullLength) {
      // A number of a complete length that fails Luhn is wrong, not unfinished: say so at once.
      return { empty: false, complete: false, error: 'invalid_number', eager: true, brand };
    }
    return { empty: false, complete: false, error: 'incomplete_number', eager: false, brand };
  },
};
