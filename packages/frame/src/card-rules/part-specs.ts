/**
 * Everything the frame knows about each card part, in one place: its rules, its input's
 * attributes, the canonical value the group passes around, and what that value becomes in the
 * body of POST /v1/tokens (its words are part-texts.ts). The form draws from it, the tokenizer
 * assesses and builds the body from it.
 */
import type { CardPart } from '@pay/protocol';
import type { CardBody } from '@pay/protocol/gateway';
import { cvcRules } from './cvc-rules.js';
import { expiryRules, expiryValue } from './expiry-rules.js';
import { nameRules } from './name-rules.js';
import { numberRules } from './number-rules.js';
import { PART_INPUTS, type PartInput } from './part-inputs.js';
import { digitsOf, type PartRules } from './part-rules.js';

export interface PartSpec {
  rules: PartRules;
  input: PartInput;
  /** The value as the group hands it to the tokenizing frame: no formatting left. */
  canonical(value: string): string;
  /** The fields of the card body this part fills, from its canonical value. */
  body(value: string): Partial<CardBody>;
}

export const PART_SPECS: Record<CardPart, PartSpec> = {
  number: {
    rules: numberRules,
    input: PART_INPUTS.number,
    canonical: digitsOf,
    body: (number) => ({ number }),
  },
  expiry: {
    rules: expiryRules,
    input: PART_INPUTS.expiry,
    canonical(value) {
      const parsed = expiryValue(value);
      return parsed ? `${String(parsed.exp_month).padStart(2, '0')}/${parsed.exp_year}` : '';
    },
    body(value) {
      const [month, year] = value.split('/');
      return { exp_month: Number(month), exp_year: Number(year) };
    },
  },
  cvc: {
    rules: cvcRules,
    input: PART_INPUTS.cvc,
    canonical: digitsOf,
    body: (cvc) => ({ cvc }),
  },
  name: {
    rules: nameRules,
    input: PART_INPUTS.name,
    canonical: (value) => value.trim(),
    body: (name) => (name ? { cardholder_name: name } : {}),
  },
};
