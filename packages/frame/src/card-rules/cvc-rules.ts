import { cardValidator } from './card-validator-loader.js';
import { digitsOf, type PartRules, type RulesContext } from './part-rules.js';

/** 4 digits for amex, 3 for the other brands, 3 or 4 while the brand is unknown. */
export function cvcLengths({ brand }: RulesContext): number[] {
  if (brand === 'amex') return [4];
  if (brand && brand !== 'unknown') return [3];
  return [3, 4];
}

export const cvcRules: PartRules = {
  part: 'cvc',
  significant: /\d/,
  format: (raw, context) => digitsOf(raw).slice(0, Math.max(...cvcLengths(context))),
  assess(value, context) {
    const digits = digitsOf(value);
    if (!digits) return { empty: true, complete: false, error: 'incomplete_cvc', eager: false };
    const lengths = cvcLengths(context);
    if (cardValidator()?.cvv(digits, lengths).isValid)
      return { empty: false, complete: true, eager: false };
    return { empty: false, complete: false, error: 'incomplete_cvc', eager: false };
  },
};
