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
   * What the value is once the customer is done with it (left the field, or submitted), when
   * that differs from what it is while typed. A number its brand allows to grow is neither
   * complete nor wrong while typed, whatever its checksum: a `complete` or an `invalid_number`
   * that came and went with each prefix would tell the page one checksum bit per prefix.
   */
  settled?: { complete: boolean; error?: FieldErrorCode };
  brand?: CardBrand | null;
}

/** The assessment once the customer is done with the value (see `Assessment.settled`). */
export function settle(assessment: Assessment): Assessment {
  const { settled, error: _typed, ...rest } = assessment;
  if (!settled) return assessment;
  return { ...rest, ...settled };
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
