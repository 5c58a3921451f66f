/**
 * The merchant SDK: defines the card-field elements. Loaded as one ES module
 * (`<script type="module" src="https://gateway/sdk/v1/pay.js">`) or imported from the package.
 */
import { PayCardFieldsElement } from './card-fields-element.js';
import {
  PayCardCvcElement,
  PayCardElement,
  PayCardExpiryElement,
  PayCardholderNameElement,
  PayCardNumberElement,
} from './field-elements.js';

const ELEMENTS: [string, CustomElementConstructor][] = [
  // The group first: fields look it up when they connect.
  ['pay-card-fields', PayCardFieldsElement],
  ['pay-card-number', PayCardNumberElement],
  ['pay-card-expiry', PayCardExpiryElement],
  ['pay-card-cvc', PayCardCvcElement],
  ['pay-cardholder-name', PayCardholderNameElement],
  ['pay-card', PayCardElement],
];

for (const [name, element] of ELEMENTS) {
  // Loading the SDK twice (two script tags, a bundle and the CDN copy) must not throw.
  if (!customElements.get(name)) customElements.define(name, element);
}

export {
  PayCardFieldsElement,
  PayCardNumberElement,
  PayCardExpiryElement,
  PayCardCvcElement,
  PayCardholderNameElement,
  PayCardElement,
};
export { PayFieldElement } from './field-element.js';
export { PayError } from './pay-error.js';
export type { TokenizeOptions } from './card-fields-element.js';
export type { PayChangeDetail, PayFieldDetail, PayGroupReadyDetail } from './pay-event.js';
export type {
  CardBrand,
  FieldChangeDetail,
  FieldKind,
  FontSource,
  PayErrorCode,
  PayErrorInfo,
  TokenResult,
} from '@pay/protocol';
export { handleNextAction } from './next-action.js';
export type { NextActionPayment, NextActionResult } from './three-d-secure.js';

declare global {
  interface HTMLElementTagNameMap {
    'pay-card-fields': PayCardFieldsElement;
    'pay-card-number': PayCardNumberElement;
    'pay-card-expiry': PayCardExpiryElement;
    'pay-card-cvc': PayCardCvcElement;
    'pay-cardholder-name': PayCardholderNameElement;
    'pay-card': PayCardElement;
  }
  interface HTMLElementEventMap {
    /** `{ fields }` from the group once all its fields are ready; `{ field }` from a field. */
    'pay-ready': CustomEvent<
      import('./pay-event.js').PayGroupReadyDetail | import('./pay-event.js').PayFieldDetail
    >;
    'pay-change': CustomEvent<import('./pay-event.js').PayChangeDetail>;
    'pay-focus': CustomEvent<import('./pay-event.js').PayFieldDetail>;
    'pay-blur': CustomEvent<import('./pay-event.js').PayFieldDetail>;
    'pay-submit': CustomEvent<import('./pay-event.js').PayFieldDetail>;
    'pay-error': CustomEvent<import('@pay/protocol').PayErrorInfo>;
  }
}
