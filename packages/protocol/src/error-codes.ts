/**
 * Every error code that crosses a boundary: the gateway's error body (`error.code`, with its
 * `error.type`), and what `tokenize()` rejects with and `pay-error` / `pay-change` carry. Each
 * has a category saying who can put it right (as braintree-web's errors do): the `customer`
 * (their card details), the `merchant` (their integration or account) or nobody now
 * (`network`: retry later).
 */
export const ERROR_CATEGORIES = ['merchant', 'customer', 'network'] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** Errors of one field, found in the frame. */
export const FIELD_ERROR_CODES = [
  'incomplete_number',
  'invalid_number',
  'incomplete_expiry',
  'invalid_expiry',
  'expired_card',
  'incomplete_cvc',
  'incomplete_name',
  /** The number's brand is not in the group's `accepted-brands`. */
  'unsupported_brand',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** The gateway's `error.type`: the family a code belongs to. */
export const API_ERROR_TYPES = [
  'authentication_error',
  'invalid_request_error',
  'payment_error',
  'rate_limit_error',
  'api_error',
] as const;
export type ApiErrorType = (typeof API_ERROR_TYPES)[number];

/** Each gateway `error.code` with its `error.type` and category (docs/gateway-api.md, "Errors"). */
const API_ERRORS = {
  unauthorized: ['authentication_error', 'merchant'],
  merchant_not_active: ['authentication_error', 'merchant'],
  // From POST /v1/tokens the body is the customer's card; elsewhere the merchant's request.
  validation_error: ['invalid_request_error', 'customer'],
  invalid_json: ['invalid_request_error', 'merchant'],
  payload_too_large: ['invalid_request_error', 'merchant'],
  invalid_amount: ['invalid_request_error', 'merchant'],
  unsupported_currency: ['invalid_request_error', 'merchant'],
  token_not_found: ['invalid_request_error', 'merchant'],
  payment_token_expired: ['invalid_request_error', 'merchant'],
  payment_token_already_used: ['invalid_request_error', 'merchant'],
  card_declined: ['payment_error', 'customer'],
  insufficient_funds: ['payment_error', 'customer'],
  expired_card: ['payment_error', 'customer'],
  incorrect_cvc: ['payment_error', 'customer'],
  authentication_failed: ['payment_error', 'customer'],
  not_supported: ['invalid_request_error', 'merchant'],
  invalid_status: ['invalid_request_error', 'merchant'],
  idempotency_key_mismatch: ['invalid_request_error', 'merchant'],
  // Another request with the key is still running: retrying later answers.
  idempotency_key_in_use: ['invalid_request_error', 'network'],
  rate_limited: ['rate_limit_error', 'network'],
  not_found: ['invalid_request_error', 'merchant'],
  api_error: ['api_error', 'network'],
} as const satisfies Record<string, readonly [ApiErrorType, ErrorCategory]>;

export type ApiErrorCode = keyof typeof API_ERRORS;
export const API_ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

/** A failed payment's `error.code`: the card network's answer. */
export type DeclineCode = {
  [Code in ApiErrorCode]: (typeof API_ERRORS)[Code][0] extends 'payment_error' ? Code : never;
}[ApiErrorCode];

export function apiErrorType(code: ApiErrorCode): ApiErrorType {
  return API_ERRORS[code][0];
}

/** The gateway codes the frame hands on to the page as they are; any other is `api_error`. */
export const PASSED_API_ERROR_CODES = [
  'validation_error',
  'rate_limited',
  'unauthorized',
  'merchant_not_active',
  'api_error',
] as const satisfies readonly ApiErrorCode[];

/** What only the SDK and its frames find, before or without the gateway. */
const SDK_ERRORS = {
  network_error: 'network',
  missing_publishable_key: 'merchant',
  invalid_publishable_key: 'merchant',
  missing_field: 'merchant',
  /**
   * No `gateway` on `<pay-card-fields>`, and the SDK cannot default to where it came from: it
   * was bundled into the merchant's app rather than loaded from the gateway's `/sdk/`.
   */
  missing_gateway: 'merchant',
  /**
   * A frame of the group loaded but never answered the handshake (an error page, the wrong
   * `gateway`), was removed during `tokenize()`, or a sibling frame did not hand over its
   * value. `tokenize()` called while frames are still loading waits for them instead.
   */
  frame_not_ready: 'network',
} as const satisfies Record<string, ErrorCategory>;

export type SdkErrorCode = keyof typeof SDK_ERRORS;

/** Every code a `tokenize()` rejection or a `pay-error` event can carry. */
export type PayErrorCode = FieldErrorCode | SdkErrorCode | (typeof PASSED_API_ERROR_CODES)[number];

export function isPassedApiErrorCode(
  code: unknown,
): code is (typeof PASSED_API_ERROR_CODES)[number] {
  return (PASSED_API_ERROR_CODES as readonly unknown[]).includes(code);
}

/** Who can put the error right. */
export function errorCategory(code: PayErrorCode | ApiErrorCode): ErrorCategory {
  if (Object.hasOwn(API_ERRORS, code)) return API_ERRORS[code as ApiErrorCode][1];
  if (Object.hasOwn(SDK_ERRORS, code)) return SDK_ERRORS[code as SdkErrorCode];
  return 'customer'; // a field error: the customer's card details
}
