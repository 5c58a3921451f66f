import { FIELD_ERROR_CODES } from '@pay/protocol';

// Sentences a customer understands, per error code: the gateway's payment and token codes, the
// SDK's tokenize() codes and the shop's own. Shared by the shop's server and its browser script.
const MESSAGES: Record<string, string> = {
  card_declined: 'Your bank declined this card. Please try a different card or contact your bank.',
  insufficient_funds:
    'This card does not have enough funds for this purchase. Please try another card.',
  expired_card: 'This card has expired. Please check the expiry date or use another card.',
  incorrect_cvc:
    'The security code does not match this card. Check the 3 or 4 digits on the card and try again.',
  authentication_failed:
    'Your bank could not verify this payment, so it was not charged. You can try again.',
  payment_token_expired:
    'Your card details timed out before the payment was made. Please enter them again.',
  payment_token_already_used: 'These card details were already used. Please enter them again.',
  token_not_found: 'Your card details are no longer valid. Please enter them again.',
  rate_limited: 'Too many attempts in a short time. Please wait a minute and try again.',
  network_error:
    'We could not reach the payment service. Check your connection and try again; you were not charged.',
  gateway_unreachable:
    'The payment service is not answering right now. You were not charged; please try again in a moment.',
  payment_in_progress:
    'Your payment is still being processed. Please wait a moment, then try again to see its result.',
  sdk_unavailable:
    'The secure card form could not load. Check your connection, then reload the page.',
  missing_card_token:
    'The card form did not load, so no card details were sent. Please reload the page and try again.',
  incomplete_number: 'Please enter your full card number.',
  invalid_number: 'This card number is not valid. Please check it.',
  incomplete_expiry: 'Please enter the card’s expiry date.',
  invalid_expiry: 'This expiry date is not valid or has passed.',
  incomplete_cvc: 'Please enter the card’s security code.',
  invalid_cvc: 'This security code is not valid.',
  incomplete_name: 'Please enter the name on the card.',
  frame_not_ready: 'The card form is still loading. Please wait a moment and try again.',
  validation_error: 'Some card details are not valid. Please check them.',
  not_supported: 'This kind of payment is not supported here.',
  authentication_canceled:
    'The bank verification was closed before it finished. You were not charged.',
  forbidden_origin:
    'This request did not come from the shop’s own pages, so nothing was done. Please go back to the shop and try again.',
  misdirected_request:
    'This shop is not served at this address, so nothing was done. Please open the shop at its own address.',
};

const FALLBACK = 'Something went wrong with the payment. You were not charged; please try again.';

export function customerMessage(code: string | undefined | null): string {
  return (code && MESSAGES[code]) || FALLBACK;
}

const FIELD_ERRORS: readonly string[] = FIELD_ERROR_CODES;

/**
 * What the checkout's alert box says after tokenize() failed: nothing for a field's own error
 * (incomplete name, invalid number, ...), which the field already shows and announces beside
 * the input it focused; said twice, a screen reader would read it twice.
 */
export function tokenizeFailureMessage(code: string | undefined | null): string {
  return code && FIELD_ERRORS.includes(code) ? '' : customerMessage(code);
}
