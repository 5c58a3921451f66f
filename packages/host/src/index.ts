/**
 * The package's entry: the element classes, `define()` and the types. Importing it defines
 * nothing (bundlers may drop what is unused); `define()` or `@pay/host/define` registers the
 * tags. The script-tag build the gateway serves (`/sdk/v1/pay.js`) is pay.ts, which defines
 * them on load. On the server (the `node` condition) the package is node.ts instead.
 */
import type { CustomEventMap, PayEventMap } from '@pay/protocol';
import { PayCardFieldsElement } from './card-fields-element.js';
import {
  PayCardCvcElement,
  PayCardElement,
  PayCardExpiryElement,
  PayCardholderNameElement,
  PayCardNumberElement,
} from './field-elements.js';

/**
 * Registers the six `<pay-*>` tags. Idempotent: calling it again, or loading pay.js beside a
 * bundled copy, leaves the tags already defined as they are.
 */
export function define(): void {
  const elements: [string, CustomElementConstructor][] = [
    // The group first: fields look it up when they connect.
    ['pay-card-fields', PayCardFieldsElement],
    ['pay-card-number', PayCardNumberElement],
    ['pay-card-expiry', PayCardExpiryElement],
    ['pay-card-cvc', PayCardCvcElement],
    ['pay-cardholder-name', PayCardholderNameElement],
    ['pay-card', PayCardElement],
  ];
  for (const [name, element] of elements) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
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
export type {
  PayChangeDetail,
  PayFieldDetail,
  PayGroupReadyDetail,
  PayFieldEventMap,
  PayGroupEventMap,
  PayEventMap,
} from './pay-event.js';
export type {
  CardBrand,
  FieldChangeDetail,
  FieldKind,
  FontSource,
  Locale,
  Messages,
  PayErrorCode,
  PayErrorInfo,
  Theme,
  TokenResult,
} from '@pay/protocol';
export { handleNextAction } from './next-action.js';
export type { NextActionOptions, NextActionPayment, NextActionResult } from './three-d-secure.js';
/** The gateway's payment object, as your server reads it, and its statuses. */
export type { CaptureMethod, Payment, PaymentStatus } from '@pay/protocol';

declare global {
  interface HTMLElementTagNameMap {
    'pay-card-fields': PayCardFieldsElement;
    'pay-card-number': PayCardNumberElement;
    'pay-card-expiry': PayCardExpiryElement;
    'pay-card-cvc': PayCardCvcElement;
    'pay-cardholder-name': PayCardholderNameElement;
    'pay-card': PayCardElement;
  }
  /**
   * `pay-ready` is `{ fields }` from the group once all its fields are ready, `{ field }` from a
   * field; `pay-error` comes from the group. Names and details: `PayEventMap`.
   */
  interface HTMLElementEventMap extends CustomEventMap<PayEventMap> {}
}
