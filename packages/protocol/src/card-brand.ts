import type { CardBrand } from './fields.js';

export type { CardBrand };

/** credit-card-type's ids (what card-validator reports), in the gateway's brand names. */
const BRANDS: Record<string, CardBrand> = {
  visa: 'visa',
  mastercard: 'mastercard',
  'american-express': 'amex',
  discover: 'discover',
  'diners-club': 'diners',
  jcb: 'jcb',
  unionpay: 'unionpay',
  maestro: 'maestro',
};

/** The API's brand for a card-validator type; types the API does not name are `unknown`. */
export function brandFromCardType(type: string): CardBrand {
  return BRANDS[type] ?? 'unknown';
}
