// What the shop sells. Prices are in the currency's major unit, as the gateway API takes them.
export interface Product {
  id: string;
  name: string;
  blurb: string;
  price: number;
  currency: string;
  image: string;
}

export const PRODUCTS: readonly Product[] = [
  {
    id: 'notebook',
    name: 'Field notebook',
    blurb: 'A5, 160 pages of dotted paper, lay-flat binding, waxed linen cover.',
    price: 24,
    currency: 'usd',
    image: '/static/notebook.svg',
  },
  {
    id: 'pen',
    name: 'Brass fountain pen',
    blurb: 'Solid brass body, steel fine nib, ages into a warm patina.',
    price: 68,
    currency: 'usd',
    image: '/static/pen.svg',
  },
  {
    id: 'ink',
    name: 'Forest ink, 50 ml',
    blurb: 'A deep green that dries quickly and never feathers.',
    price: 12.5,
    currency: 'usd',
    image: '/static/ink.svg',
  },
];

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((p) => p.id === id);
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).format(amount);
}
