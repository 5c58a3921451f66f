/**
 * The card brands, as the gateway names them: the token answer's `card.brand`, the
 * `pay-change` detail's `brand`, the brand a number frame shares with its group.
 */
export const CARD_BRANDS = [
  'visa',
  'mastercard',
  'amex',
  'discover',
  'diners',
  'jcb',
  'unionpay',
  'maestro',
  /** A Luhn-valid number of no listed brand (the sandbox's "any other card"). */
  'unknown',
] as const;

export type CardBrand = (typeof CARD_BRANDS)[number];

export function isCardBrand(value: unknown): value is CardBrand {
  return typeof value === 'string' && (CARD_BRANDS as readonly string[]).includes(value);
}

/** How a brand is written for people (an icon's title, a receipt); `unknown` reads "Card". */
export const BRAND_NAMES: Readonly<Record<CardBrand, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
  unknown: 'Card',
};

/** credit-card-type's ids (what card-validator reports), in the gateway's brand names. */
const FROM_CARD_TYPE: Readonly<Record<string, CardBrand>> = {
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
  return Object.hasOwn(FROM_CARD_TYPE, type) ? FROM_CARD_TYPE[type]! : 'unknown';
}
