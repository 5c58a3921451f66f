import type { CardBrand, CardPart, FieldErrorCode } from '@pay/protocol';

/** What a part's rules need to know beyond its own value. */
export interface RulesContext {
  /** The brand the number frame of the group detected; the CVC length depends on it. */
  brand: CardBrand | null;
  now: Date;
  /** The group's `accepted-brands`; null: every brand is accepted. */
  acceptedBrands?: readonly CardBrand[] | null;
}

export interface Assessment {
  empty: boolean;
  complete: boolean;
  error?: FieldErrorCode;
  /** Show the error now, while typing: the value can no longer become valid. */
  eager: boolean;
  /**
   * The error once the customer is done (left the field, or submitted) when it differs from
   * the one while typing: a number of a complete length that fails the checksum is
   * `incomplete_number` while more digits could still make it valid, `invalid_number` after.
   */
  settledError?: FieldErrorCode;
  brand?: CardBrand | null;
}

/** Formatting and validation of one card part; pure functions, so tests need no DOM. */
export interface PartRules {
  part: CardPart;
  /** Characters that carry meaning; everything else is formatting and is re-derived. */
  significant: RegExp;
  format(raw: string, context: RulesContext): string;
  assess(value: string, context: RulesContext): Assessment;
}

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}
