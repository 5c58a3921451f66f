import type { CardBrand, CustomEventMap, FieldChangeDetail } from '@pay/protocol';

/**
 * What `<pay-card-form>` tells the field frame around it, by event name → `detail`. These
 * events stay in the frame document (they do not bubble), so they are not in @pay/protocol,
 * whose maps are what crosses the iframe or reaches the merchant's page.
 */
export interface CardFormEventMap {
  /** The state the host may know; only when it differs from the last one. */
  'pay-form-change': FieldChangeDetail;
  /** A value changed (the group channel reads `values()`). */
  'pay-form-value': undefined;
  /** The number's brand changed. */
  'pay-form-brand': CardBrand | null;
  'pay-form-focus': undefined;
  'pay-form-blur': undefined;
  /** Enter in an input. */
  'pay-form-submit': undefined;
}

export type CardFormEventName = keyof CardFormEventMap;

/** Dispatches a card-form event: an unknown name or a wrong detail does not compile. */
export function emitFormEvent<Name extends CardFormEventName>(
  target: EventTarget,
  type: Name,
  ...[detail]: CardFormEventMap[Name] extends undefined ? [] : [CardFormEventMap[Name]]
): void {
  target.dispatchEvent(new CustomEvent(type, { detail }));
}

/** One listener for every card-form event, each given its detail: none may be missing or misspelt. */
export type CardFormListeners = {
  [Name in CardFormEventName]: (detail: CardFormEventMap[Name]) => void;
};

/** Adds `listeners` to `form`; they last as long as the form element does. */
export function listenToForm(form: EventTarget, listeners: CardFormListeners): void {
  for (const [type, listener] of Object.entries(listeners)) {
    form.addEventListener(type, (event) =>
      (listener as (detail: unknown) => void)((event as CustomEvent).detail),
    );
  }
}

declare global {
  interface HTMLElementEventMap extends CustomEventMap<CardFormEventMap> {}
}
