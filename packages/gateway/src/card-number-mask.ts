/**
 * A run of 12 or more digits, the digits optionally split by one space, dash, dot or plus
 * (raw or percent-encoded): how a card number looks when pasted into a URL, an id or a field
 * name. Longer runs are masked too, since one may hold a number with a digit added.
 */
const cardLikeRun = /(?<!\d)\d(?:(?:[ +.-]|%20|%2[dD])?\d){11,}/g;

export const MASKED_DIGITS = '[digits]';

/** `text` with every card-number-like run replaced; cheap enough to run on every log line. */
export function maskCardNumbers(text: string): string {
  return text.replace(cardLikeRun, MASKED_DIGITS);
}

export function holdsCardNumber(text: string): boolean {
  return maskCardNumbers(text) !== text;
}
