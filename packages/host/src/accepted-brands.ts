import { CARD_BRANDS, isCardBrand, type CardBrand } from '@pay/protocol';

const warned = new Set<string>();

/**
 * `accepted-brands` as the group applies it: the known brand names, in the gateway's spelling.
 * An unknown name (a typo, a brand the gateway does not know) is left out with a console
 * warning, so a checkout keeps working; a value without one known name accepts every brand,
 * as no attribute does: refusing every card over a typo would stop the merchant's sales.
 */
export function readAcceptedBrands(value: string | null): CardBrand[] | null {
  if (value === null) return null;
  const names = value
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const unknown = names.filter((name) => !isCardBrand(name));
  if (unknown.length && !warned.has(value)) {
    warned.add(value);
    console.warn(
      `pay: accepted-brands ignores ${unknown.join(', ')}: brands are ${CARD_BRANDS.join(', ')}.`,
    );
  }
  const brands = names.filter(isCardBrand);
  return brands.length ? [...new Set(brands)] : null;
}
