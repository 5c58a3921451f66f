import { cvcLengths } from '@pay/protocol/gateway';
import { cardValidator } from './card-validator-loader.js';
import { digitsOf, type PartRules } from './part-rules.js';

/** The CVC's length follows the brand the group's number frame detected (protocol card-rules). */
export const cvcRules: PartRules = {
  part: 'cvc',
  significant: /\d/,
  format: (raw, { brand }) => digitsOf(raw).slice(0, Math.max(...cvcLengths(brand))),
  assess(value, { brand }) {
    const digits = digitsOf(value);
    if (!digits) return { empty: true, complete: false, error: 'incomplete_cvc', eager: false };
    if (cardValidator()?.cvv(digits, [...cvcLengths(brand)]).isValid)
      return { empty: false, complete: true, eager: false };
    return { empty: false, complete: false, error: 'incomplete_cvc', eager: false };
  },
};
