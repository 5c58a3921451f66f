import { cardValidator } from './card-validator-loader.js';
import type { PartRules } from './part-rules.js';
import { MAX_NAME } from './part-inputs.js';

export const nameRules: PartRules = {
  part: 'name',
  significant: /./,
  format: (raw) => raw.replace(/[\r\n\t]/g, ' ').slice(0, MAX_NAME),
  assess(value) {
    const name = value.trim();
    if (!name) return { empty: true, complete: false, error: 'incomplete_name', eager: false };
    const complete = cardValidator()?.cardholderName(name).isValid ?? false;
    return { empty: false, complete, eager: false };
  },
};
