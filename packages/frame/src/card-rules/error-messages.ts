import type { PayErrorCode } from '@pay/protocol';

/** What the customer reads and the host receives; no card data in any of them. */
export const ERROR_MESSAGES: Partial<Record<PayErrorCode, string>> = {
  incomplete_number: 'Your card number is incomplete.',
  invalid_number: 'Your card number is invalid.',
  incomplete_expiry: "Your card's expiration date is incomplete.",
  invalid_expiry: "Your card's expiration date is invalid.",
  expired_card: 'Your card has expired.',
  incomplete_cvc: "Your card's security code is incomplete.",
  incomplete_name: 'Enter the name on the card.',
  unsupported_brand: "Your card brand isn't accepted here.",
  network_error: 'The payment service could not be reached. Check your connection and try again.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
};

export function errorMessage(code: PayErrorCode): string {
  return ERROR_MESSAGES[code] ?? 'Check your card details.';
}
