/**
 * Which digits of a card number the API shows, in every answer and every stored row:
 * `last4` always (receipts need it), and a `bin` of the first digits cut short enough that at
 * least 6 digits stay hidden. With bin + last4 of a 12-digit Maestro, Luhn would leave 10
 * candidates; with 6 digits hidden it leaves 100,000.
 *
 *   digits   12  13  14  15  16-19
 *   bin       2   3   4   5    6
 */
export const HIDDEN_DIGITS = 6;
export const LAST_DIGITS = 4;
export const MAX_BIN_DIGITS = 6;

export interface ShownDigits {
  /** The first 2 to 6 digits: `binLength(number.length)` of them. */
  bin: string;
  last4: string;
}

/** How many leading digits `bin` shows for a number of `length` digits (12 to 19). */
export function binLength(length: number): number {
  return Math.min(MAX_BIN_DIGITS, Math.max(0, length - HIDDEN_DIGITS - LAST_DIGITS));
}

/** The digits of a checked card number (12 to 19 digits) that answers may show. */
export function shownDigits(number: string): ShownDigits {
  return { bin: number.slice(0, binLength(number.length)), last4: number.slice(-LAST_DIGITS) };
}
