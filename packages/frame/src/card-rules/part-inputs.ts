/**
 * The attributes of each card part's input, apart from its rules: the form draws its inputs
 * with them, and so does the frame's entry script before the app has loaded (so this module
 * imports nothing that loads the card rules).
 */
import type { CardPart } from '@pay/protocol';

/** The longest cardholder name taken. */
export const MAX_NAME = 64;

export interface PartInput {
  /** Autofill reads `autocomplete` first, then `name`. */
  autocomplete: string;
  name: string;
  inputmode: 'numeric' | 'text';
  autocapitalize: 'off' | 'words';
  /** Only where formatting does not already cut the value (it adds separators). */
  maxlength?: number;
}

export const PART_INPUTS: Record<CardPart, PartInput> = {
  number: {
    autocomplete: 'cc-number',
    name: 'cardnumber',
    inputmode: 'numeric',
    autocapitalize: 'off',
  },
  expiry: { autocomplete: 'cc-exp', name: 'exp-date', inputmode: 'numeric', autocapitalize: 'off' },
  cvc: { autocomplete: 'cc-csc', name: 'cvc', inputmode: 'numeric', autocapitalize: 'off' },
  name: {
    autocomplete: 'cc-name',
    name: 'ccname',
    inputmode: 'text',
    autocapitalize: 'words',
    maxlength: MAX_NAME,
  },
};
