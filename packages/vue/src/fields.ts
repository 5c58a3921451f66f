import { defineField } from './field.js';

/** `<pay-card-number>`: the card number; detects the brand. */
export const PayCardNumber = defineField('PayCardNumber', 'pay-card-number');
/** `<pay-card-expiry>`: the expiry date. */
export const PayCardExpiry = defineField('PayCardExpiry', 'pay-card-expiry');
/** `<pay-card-cvc>`: the security code. */
export const PayCardCvc = defineField('PayCardCvc', 'pay-card-cvc');
/** `<pay-cardholder-name>`: the name on the card. */
export const PayCardholderName = defineField('PayCardholderName', 'pay-cardholder-name');
/** `<pay-card>`: number, expiry, CVC and name in one frame. */
export const PayCard = defineField('PayCard', 'pay-card');
