import type { FieldKind } from '@pay/protocol';
import { PayFieldElement } from './field-element.js';

/**
 * The card number, in its own gateway frame. Detects the brand; the group tokenizes from here.
 * @summary Card number field.
 */
export class PayCardNumberElement extends PayFieldElement {
  readonly kind: FieldKind = 'number';
}

/**
 * The expiry date (MM / YY; a four-digit year is taken too).
 * @summary Expiration date field.
 */
export class PayCardExpiryElement extends PayFieldElement {
  readonly kind: FieldKind = 'expiry';
}

/**
 * The security code; its length follows the brand of the group's number field.
 * @summary Security code field.
 */
export class PayCardCvcElement extends PayFieldElement {
  readonly kind: FieldKind = 'cvc';
}

/**
 * The name on the card.
 * @summary Cardholder name field.
 */
export class PayCardholderNameElement extends PayFieldElement {
  readonly kind: FieldKind = 'name';
}

/**
 * Number, expiry, CVC and name in one gateway frame: the form browser autofill fills best.
 * @summary Combined card field.
 */
export class PayCardElement extends PayFieldElement {
  readonly kind: FieldKind = 'card';
}
