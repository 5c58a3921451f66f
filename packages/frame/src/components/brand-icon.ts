import { nothing, svg } from 'lit';
import type { CardBrand } from '@pay/protocol';

const SHORT: Partial<Record<CardBrand, string>> = {
  visa: 'VISA',
  mastercard: 'MC',
  amex: 'AMEX',
  discover: 'DISC',
  diners: 'DC',
  jcb: 'JCB',
  unionpay: 'UP',
  maestro: 'MAES',
};

/**
 * A card outline with the detected brand's short name; decorative (the brand is in pay-change,
 * a refused brand in the error message). A brand the merchant does not accept is struck through.
 */
export function brandIcon(brand: CardBrand | null, unsupported = false) {
  const name = brand ? SHORT[brand] : undefined;
  return svg`<svg class="brand" viewBox="0 0 36 24" aria-hidden="true" data-brand=${brand ?? 'none'} data-unsupported=${unsupported ? 'true' : 'false'}>
    <rect x="0.5" y="0.5" width="35" height="23" rx="3" fill="#fff" stroke="#c4c9d0"></rect>
    ${
      name
        ? svg`<text x="18" y="15" text-anchor="middle" fill="#1a1f71">${name}</text>`
        : svg`<rect x="4" y="6" width="28" height="3" fill="#c4c9d0"></rect><rect x="4" y="15" width="10" height="3" fill="#c4c9d0"></rect>`
    }
    ${unsupported ? svg`<line x1="3" y1="21" x2="33" y2="3" stroke="#c62828" stroke-width="2.5"></line>` : nothing}
  </svg>`;
}
