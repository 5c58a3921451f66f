/**
 * What crosses the iframe boundary about a field: its state, its errors and the token answer.
 * Nothing here may carry the number, the CVC, or how many digits were typed (rule 1 in docs/architecture.md).
 */
import type { CardBrand } from './card-brands.js';
import type { PayErrorCode } from './error-codes.js';

export interface PayErrorInfo {
  code: PayErrorCode;
  message: string;
}

/** `pay-change` event detail. */
export interface FieldChangeDetail {
  empty: boolean;
  complete: boolean;
  valid: boolean;
  brand?: CardBrand;
  error?: PayErrorInfo;
}

/**
 * What `tokenize()` resolves with: the gateway's token answer, without card data. A plain
 * interface, for the SDK's published types; token-answer.ts checks it against the schema.
 */
export interface TokenResult {
  token: string;
  card: {
    brand: CardBrand;
    /**
     * The first digits as the gateway chose them, never more: 6 for numbers of 16 digits or
     * more, down to 2 for a 12-digit number, so that 6 digits always stay hidden.
     */
    bin: string;
    last4: string;
    exp_month: number;
    exp_year: number;
  };
  expires_at: string;
}
