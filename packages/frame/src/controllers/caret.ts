/** Caret arithmetic over "significant" characters (digits), which formatting never moves. */

export function countSignificant(text: string, significant: RegExp): number {
  let count = 0;
  for (const char of text) if (significant.test(char)) count++;
  return count;
}

/**
 * The caret position just after the `count`-th significant character of `formatted`; at the
 * end of the value it also skips the separators formatting appended ("12" → "12 / |").
 */
export function caretAfter(formatted: string, count: number, significant: RegExp): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (!significant.test(formatted.charAt(i))) continue;
    seen++;
    if (seen === count) {
      const rest = formatted.slice(i + 1);
      return countSignificant(rest, significant) === 0 ? formatted.length : i + 1;
    }
  }
  return formatted.length;
}
