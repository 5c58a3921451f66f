// How much of a card number the merchant side can piece together from what it was shown.
// With k of n digits hidden, Luhn leaves 10^(k-1) candidates: at least 6 must stay hidden.

/** The card part of a token answer, a payment or a tokenize() result. */
export interface ShownCard {
  bin?: unknown;
  last4?: unknown;
}

/**
 * Positions of `number` that the `shown` cards reveal together: a `bin` is its start and a
 * `last4` its end. A value that is not where it claims to be still counts all its digits (it
 * came from somewhere), so a wrong answer never looks safer than it is.
 */
export function revealedDigits(number: string, shown: ShownCard[]): number {
  const positions = new Set<number>();
  let misplaced = 0;
  for (const card of shown) {
    if (typeof card.bin === 'string' && card.bin !== '') {
      if (number.startsWith(card.bin)) for (let i = 0; i < card.bin.length; i++) positions.add(i);
      else misplaced += card.bin.length;
    }
    if (typeof card.last4 === 'string' && card.last4 !== '') {
      if (number.endsWith(card.last4))
        for (let i = 1; i <= card.last4.length; i++) positions.add(number.length - i);
      else misplaced += card.last4.length;
    }
  }
  return Math.min(number.length, positions.size + misplaced);
}

/** Undefined when `shown` reveals at most length − 6 digits, else what is wrong. */
export function overRevealed(number: string, shown: ShownCard[]): string | undefined {
  const revealed = revealedDigits(number, shown);
  const allowed = number.length - 6;
  return revealed <= allowed
    ? undefined
    : `${revealed} of ${number.length} digits shown, at most ${allowed} allowed (bin lengths ${shown
        .map((c) => (typeof c.bin === 'string' ? c.bin.length : '-'))
        .join(', ')})`;
}
