import { brandFromCardType, type CardBrand } from '@pay/protocol';

export function brandOf(type: string | undefined): CardBrand | null {
  if (!type) return null;
  return brandFromCardType(type);
}
