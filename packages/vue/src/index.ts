/**
 * Vue 3 components over the `<pay-*>` elements of `@pay/host`: the card data stays in the
 * gateway's iframes, the app gets events and a token. Importing this defines nothing; each
 * component registers the tags in the browser when it is first set up, and renders plain
 * markup on the server.
 */
export { PayCardFields } from './card-fields.js';
export { PayCardNumber, PayCardExpiry, PayCardCvc, PayCardholderName, PayCard } from './fields.js';
export type { FieldElements } from './field.js';
export { useCardFields } from './use-card-fields.js';
export type { CardFieldsContext } from './context.js';
export { payPlugin } from './plugin.js';
export { compilerOptions, isCustomElement } from './compiler-options.js';
export { handleNextAction, PayError } from '@pay/host';
export type {
  CardBrand,
  FieldKind,
  FontSource,
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
