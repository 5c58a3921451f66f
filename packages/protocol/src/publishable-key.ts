/**
 * A publishable key: what the merchant page gives `<pay-card-fields>` and the frame sends to
 * `POST /v1/tokens`. Secret keys (`sk_…`) never match. The length bound keeps an absurd value
 * out of the frame's memory and the request header.
 */
export const PUBLISHABLE_KEY_PATTERN = /^pk_(test|live)_[A-Za-z0-9_]{1,200}$/;

export function isPublishableKey(value: unknown): value is string {
  return typeof value === 'string' && PUBLISHABLE_KEY_PATTERN.test(value);
}
