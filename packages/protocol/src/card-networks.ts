/**
 * Card networks: the schemes a payment can be routed through. A card has one brand but may be
 * co-badged: a French Cartes Bancaires card that is also a Visa can go through either, and
 * Regulation (EU) 2015/751 lets the shopper choose. Only network names cross to the host page.
 */
import type { CardBrand } from './card-brands.js';

/** Every brand but `unknown`, and the domestic schemes a co-badged card may carry. */
export const CARD_NETWORKS = [
  'cartes_bancaires',
  'visa',
  'mastercard',
  'amex',
  'discover',
  'diners',
  'jcb',
  'unionpay',
  'maestro',
] as const;

export type CardNetwork = (typeof CARD_NETWORKS)[number];

/** Each known brand is a network of its own: this fails to compile when a brand is added alone. */
type BrandsAreNetworks = Exclude<CardBrand, 'unknown'> extends CardNetwork ? true : never;
export const BRANDS_ARE_NETWORKS: BrandsAreNetworks = true;

export function isCardNetwork(value: unknown): value is CardNetwork {
  return typeof value === 'string' && (CARD_NETWORKS as readonly string[]).includes(value);
}

/** How a network is written for people (the frame's choice, a receipt). */
export const NETWORK_NAMES: Readonly<Record<CardNetwork, string>> = {
  cartes_bancaires: 'Cartes Bancaires',
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
};

/**
 * The sandbox's co-badged issuer ranges: the first 8 digits (an IIN, what a BIN table keys
 * on; never more of the number) → the networks, the domestic one first. The frame and the
 * gateway read the same table, so the choice offered is the one the gateway validates.
 */
export const CO_BADGED_BINS: Readonly<Record<string, readonly CardNetwork[]>> = {
  '40000025': ['cartes_bancaires', 'visa'],
  '55555525': ['cartes_bancaires', 'mastercard'],
};

export const CO_BADGE_BIN_DIGITS = 8;

/**
 * Cartes Bancaires numbers have 16 digits, and so has every number of a co-badged range: a
 * Visa of such a range is whole at 16 digits, where another Visa may still grow to 19.
 */
export const CO_BADGED_NUMBER_LENGTH = 16;

/** The co-badged networks of the range `digits` fall in; undefined for any other number. */
export function coBadgedNetworks(digits: string): readonly CardNetwork[] | undefined {
  if (digits.length < CO_BADGE_BIN_DIGITS) return undefined;
  return CO_BADGED_BINS[digits.slice(0, CO_BADGE_BIN_DIGITS)];
}

/** The networks a card of `brand` whose number is `digits` can be routed through. */
export function availableNetworks(digits: string, brand: CardBrand | null): CardNetwork[] {
  const coBadged = coBadgedNetworks(digits);
  if (coBadged) return [...coBadged];
  return brand && brand !== 'unknown' ? [brand] : [];
}

/** A token's networks: what the card offers, and what the shopper (or merchant) chose. */
export interface CardNetworks {
  available: CardNetwork[];
  /** The chosen network; null when nobody chose (the gateway routes by the card's brand). */
  preferred: CardNetwork | null;
}
