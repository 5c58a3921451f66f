import cardValidator from 'card-validator';
import luhn10 from 'card-validator/dist/luhn-10.js';
import { ApiError } from './errors.js';

export type Brand =
  | 'visa'
  | 'mastercard'
  | 'amex'
  | 'discover'
  | 'diners'
  | 'jcb'
  | 'unionpay'
  | 'maestro'
  | 'unknown';

const brandOf: Record<string, Brand> = {
  visa: 'visa',
  mastercard: 'mastercard',
  'american-express': 'amex',
  discover: 'discover',
  'diners-club': 'diners',
  jcb: 'jcb',
  unionpay: 'unionpay',
  maestro: 'maestro',
};

export interface CardInput {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
  cardholder_name?: string;
}

export interface CheckedCard {
  number: string;
  brand: Brand;
  cvc: string;
}

/**
 * The rules of `POST /v1/tokens` beyond the JSON schema. Messages name the field, never
 * its value: they end up in responses and logs.
 */
export function checkCard(card: CardInput, now: Date): CheckedCard {
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number)) {
    throw new ApiError('validation_error', 'card.number is not a valid card number', 'card.number');
  }
  const verdict = cardValidator.number(number);
  let brand: Brand;
  if (verdict.card) {
    if (!verdict.isValid) {
      throw new ApiError(
        'validation_error',
        'card.number is not a valid card number',
        'card.number',
      );
    }
    brand = brandOf[verdict.card.type] ?? 'unknown';
  } else {
    // Numbers of no known brand are accepted when Luhn-valid (the sandbox's "any other card").
    if (!luhn10(number)) {
      throw new ApiError(
        'validation_error',
        'card.number is not a valid card number',
        'card.number',
      );
    }
    brand = 'unknown';
  }

  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  if (card.exp_year < year || (card.exp_year === year && card.exp_month < month)) {
    throw new ApiError('validation_error', 'The card has expired', 'card.exp_year');
  }
  if (card.exp_year > year + 50) {
    throw new ApiError(
      'validation_error',
      'card.exp_year is too far in the future',
      'card.exp_year',
    );
  }

  const cvcLength = brand === 'amex' ? 4 : brand === 'unknown' ? card.cvc.length : 3;
  if (card.cvc.length !== cvcLength) {
    throw new ApiError(
      'validation_error',
      `card.cvc must be ${cvcLength} digits for this card`,
      'card.cvc',
    );
  }
  return { number, brand, cvc: card.cvc };
}
