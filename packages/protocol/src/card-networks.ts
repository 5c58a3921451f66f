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

/** A token's networks: what the card offers, and what the shopper (or merchant) chose. */
export interface CardNetworks {
  available: CardNetwork[];
  /** The chosen network; null when nobody chose (the gateway routes by the card's brand). */
  preferred: CardNetwork | null;
}
