/** The sandbox's test cards (gateway-api.md) with the CVCs this suite types for them. */
export interface TestCard {
  number: string;
  cvc: string;
  brand: string;
}

const year = new Date().getUTCFullYear() + 3;
export const EXP_MONTH = 11;
export const EXP_YEAR = year;

// Distinct, unlikely CVCs, so a CVC found anywhere can be traced to the case that typed it.
export const TEST_CARDS: TestCard[] = [
  { number: '4242424242424242', cvc: '731', brand: 'visa' },
  { number: '4000002500003155', cvc: '842', brand: 'visa' },
  { number: '4000000000000002', cvc: '953', brand: 'visa' },
  { number: '4000000000009995', cvc: '164', brand: 'visa' },
  { number: '4000000000000069', cvc: '275', brand: 'visa' },
  { number: '4000000000000127', cvc: '386', brand: 'visa' },
  { number: '5555555555554444', cvc: '497', brand: 'mastercard' },
  { number: '378282246310005', cvc: '6108', brand: 'amex' },
  { number: '6011111111111117', cvc: '729', brand: 'discover' },
];

/**
 * Luhn-valid cards the sandbox pays ("any other Luhn-valid number") that the demo shop does
 * not print in its test-card hints, so finding one on the shop's page means it leaked.
 */
export const UNLISTED_CARDS: TestCard[] = [
  { number: '4000056655665556', cvc: '538', brand: 'visa' },
  { number: '5200828282828210', cvc: '619', brand: 'mastercard' },
  { number: '371449635398431', cvc: '7254', brand: 'amex' },
];

export function cardBody(card: TestCard, name = 'Sec Tester'): Record<string, unknown> {
  return {
    card: {
      number: card.number,
      exp_month: EXP_MONTH,
      exp_year: EXP_YEAR,
      cvc: card.cvc,
      cardholder_name: name,
    },
  };
}

/**
 * Numbers under 16 digits, where a 6-digit bin plus last4 would leave few candidates: the
 * gateway must show at most length − 6 of their digits (the 15-digit Amex of TEST_CARDS too).
 */
export const SHORT_CARDS: TestCard[] = [
  { number: '675936925816', cvc: '318', brand: 'maestro' },
  { number: '6304369258140', cvc: '429', brand: 'maestro' },
  { number: '50183692581476', cvc: '541', brand: 'maestro' },
  { number: '36703692581470', cvc: '652', brand: 'diners' },
  { number: '676136925814704', cvc: '763', brand: 'maestro' },
];

const ALL_CARDS = [...TEST_CARDS, ...UNLISTED_CARDS, ...SHORT_CARDS];

/** Every card number and CVC this run sent anywhere: family 6 looks for them at rest. */
export const usedSecrets = {
  numbers: new Set<string>(ALL_CARDS.map((c) => c.number)),
  cvcs: new Set<string>(ALL_CARDS.map((c) => c.cvc)),
};

/** A Luhn-valid number of `length` digits starting with `prefix` (for fuzzed cards). */
export function luhnNumber(prefix: string, length: number, fill: (i: number) => number): string {
  const digits = prefix.split('').map(Number);
  while (digits.length < length - 1) digits.push(fill(digits.length) % 10);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits[digits.length - 1 - i] as number;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  digits.push((10 - (sum % 10)) % 10);
  return digits.join('');
}
