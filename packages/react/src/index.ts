'use client';
/**
 * `@pay/react`: React components over the `<pay-*>` card field elements of `@pay/host`, and a
 * hook. The card number and CVC stay in the gateway's frames; React only ever sees their state.
 */
export {
  CardFields,
  useCardFields,
  type CardFieldsProps,
  type CardFieldsState,
} from './card-fields.js';
export {
  Card,
  CardCvc,
  CardExpiry,
  CardholderName,
  CardNumber,
  type FieldEvents,
  type FieldOwnProps,
  type FieldProps,
  type GroupEvents,
  type GroupOwnProps,
} from './fields.js';
export type { EventProps } from './pay-component.js';
export { handleNextAction, PayError } from '@pay/host';
export type {
  PayCardCvcElement,
  PayCardElement,
  PayCardExpiryElement,
  PayCardFieldsElement,
  PayCardholderNameElement,
  PayCardNumberElement,
  CardBrand,
  FieldKind,
  NextActionPayment,
  NextActionResult,
  Payment,
  PaymentStatus,
  PayChangeDetail,
  PayErrorCode,
  PayErrorInfo,
  PayFieldDetail,
  PayGroupReadyDetail,
  PayEventMap,
  PayFieldEventMap,
  PayGroupEventMap,
  TokenizeOptions,
  TokenResult,
} from '@pay/host';
