/**
 * What crosses the iframe boundary about a field: its kind, its state and its error codes.
 * Nothing here may carry the number, the CVC, or how many digits were typed (rule 1 in docs/architecture.md).
 */

/** One frame draws one kind; `card` is number, expiry, CVC and name in one frame. */
export type FieldKind = 'number' | 'expiry' | 'cvc' | 'name' | 'card';

export const FIELD_KINDS: readonly FieldKind[] = ['number', 'expiry', 'cvc', 'name', 'card'];

/** The kinds whose values make up a card, in the order errors are reported and focused. */
export type CardPart = 'number' | 'expiry' | 'cvc' | 'name';
export const CARD_PARTS: readonly CardPart[] = ['number', 'expiry', 'cvc', 'name'];

export function isFieldKind(value: unknown): value is FieldKind {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value);
}

/** Errors of one field, found in the frame. */
export type FieldErrorCode =
  | 'incomplete_number'
  | 'invalid_number'
  | 'incomplete_expiry'
  | 'invalid_expiry'
  | 'expired_card'
  | 'incomplete_cvc'
  | 'incomplete_name';

/** Every code a `tokenize()` rejection or a `pay-error` event can carry. */
export type PayErrorCode =
  | FieldErrorCode
  | 'validation_error'
  | 'network_error'
  | 'rate_limited'
  | 'unauthorized'
  | 'merchant_not_active'
  | 'missing_publishable_key'
  | 'invalid_publishable_key'
  | 'missing_field'
  /**
   * No `gateway` on `<pay-card-fields>`, and the SDK cannot default to where it came from: it
   * was bundled into the merchant's app rather than loaded from the gateway's `/sdk/`.
   */
  | 'missing_gateway'
  /**
   * A frame of the group loaded but never answered the handshake (an error page, the wrong
   * `gateway`), was removed during `tokenize()`, or a sibling frame did not hand over its
   * value. `tokenize()` called while frames are still loading waits for them instead.
   */
  | 'frame_not_ready'
  | 'api_error';

export interface PayErrorInfo {
  code: PayErrorCode;
  message: string;
}

/** Card brands as the gateway names them. */
export type CardBrand =
  | 'visa'
  | 'mastercard'
  | 'amex'
  | 'discover'
  | 'diners'
  | 'jcb'
  | 'unionpay'
  | 'maestro'
  | 'unknown';

/** `pay-change` event detail. */
export interface FieldChangeDetail {
  empty: boolean;
  complete: boolean;
  valid: boolean;
  brand?: CardBrand;
  error?: PayErrorInfo;
}

/** What `tokenize()` resolves with: the gateway's token answer, without card data. */
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
