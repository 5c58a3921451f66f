/**
 * The package on the server (the `node` export condition): the names of the browser entry,
 * none of which touches the DOM, so that server rendering can import the package. `define()`
 * does nothing; the element classes are inert placeholders (a server renders the tags as
 * markup, and the browser copy of the package upgrades them). Its types are the browser's.
 */
import type * as browser from './index.js';
import { PayError } from './pay-error.js';

export { PayError };

/** Does nothing on the server: custom elements exist only in the browser. */
export function define(): void {}

/** Rejects on the server: the 3-D Secure dialog runs in the browser. */
export function handleNextAction(): Promise<never> {
  return Promise.reject(new Error('pay: handleNextAction() runs in the browser only'));
}

export class PayFieldElement {}
export class PayCardFieldsElement {}
export class PayCardNumberElement extends PayFieldElement {}
export class PayCardExpiryElement extends PayFieldElement {}
export class PayCardCvcElement extends PayFieldElement {}
export class PayCardholderNameElement extends PayFieldElement {}
export class PayCardElement extends PayFieldElement {}

// Every value the browser entry exports is here too (a missing one fails the typecheck).
type ValueNames = {
  [K in keyof typeof browser]: (typeof browser)[K] extends undefined ? never : K;
}[keyof typeof browser];
const _complete: Record<ValueNames, unknown> = {
  define,
  handleNextAction,
  PayError,
  PayFieldElement,
  PayCardFieldsElement,
  PayCardNumberElement,
  PayCardExpiryElement,
  PayCardCvcElement,
  PayCardholderNameElement,
  PayCardElement,
};
void _complete;
