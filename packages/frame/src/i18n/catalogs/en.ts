/** English strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
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
  generic_error: 'Check your card details.',
  number_label: 'Card number',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Expiration date (MM / YY)',
  expiry_placeholder: 'MM / YY',
  cvc_label: 'Security code',
  cvc_placeholder: 'CVC',
  name_label: 'Name on card',
  name_placeholder: 'Full name',
  card_label: 'Card details',
  choose_network: 'Choose the card network',
};

export default catalog;
