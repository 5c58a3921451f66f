import { brandFromCardType, type CardBrand } from '@pay/protocol';

export function brandOf(type: string | undefined): CardBrand | null {
  if (!type) return null;
  return brandFromCardType(type);
}

export const BRAND_NAMES: Record<CardBrand, string> = {
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
