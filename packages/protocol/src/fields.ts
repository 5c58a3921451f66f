/**
 * What crosses the iframe boundary about a field: its state, its errors and the token answer.
 * Nothing here may carry the number, the CVC, or how many digits were typed (rule 1 in docs/architecture.md).
 */
import type { CardBrand } from './card-brands.js';
import type { CardNetwork } from './card-networks.js';
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
  /**
   * A complete co-badged number: the networks the shopper may choose between (names only,
   * decided in the frame from the first 8 digits), so the page can show a choice of its own.
   */
  networks?: CardNetwork[];
  /** The network chosen in the frame (or set with `preferred-network`), when `networks` is. */
  preferredNetwork?: CardNetwork;
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
    /** The networks the card offers and the one chosen (null when nobody chose). */
    networks: { available: CardNetwork[]; preferred: CardNetwork | null };
  };
  expires_at: string;
}
