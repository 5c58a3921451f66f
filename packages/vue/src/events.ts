import type { PayChangeDetail, PayErrorInfo, PayFieldDetail, PayGroupReadyDetail } from '@pay/host';

/** What Vue checks of an emit in development: a detail object, and the event it came from. */
function relayed(detail: object, event: Event): boolean {
  return typeof detail === 'object' && detail !== null && event instanceof Event;
}

/**
 * A field component's events: each relays its element's `pay-*` event as `(detail, event)`.
 * Declared, so that `@focus` or `@change` on the component is the component's own event and
 * never falls through to the element as a native listener (a DOM `focus` is not a `pay-focus`).
 * The validators mostly carry the types: the element has already checked what it sends.
 */
export const fieldEmits = {
  ready: (detail: PayFieldDetail, event: CustomEvent<PayFieldDetail>) => relayed(detail, event),
  change: (detail: PayChangeDetail, event: CustomEvent<PayChangeDetail>) => relayed(detail, event),
  focus: (detail: PayFieldDetail, event: CustomEvent<PayFieldDetail>) => relayed(detail, event),
  blur: (detail: PayFieldDetail, event: CustomEvent<PayFieldDetail>) => relayed(detail, event),
  submit: (detail: PayFieldDetail, event: CustomEvent<PayFieldDetail>) => relayed(detail, event),
};

/**
 * The group's events: its own `ready` (every field ready, once) and `error`, and the field
 * events that bubble up to it from its fields (`detail.field` says which).
 */
export const groupEmits = {
  ...fieldEmits,
  ready: (detail: PayGroupReadyDetail, event: CustomEvent<PayGroupReadyDetail>) =>
    relayed(detail, event),
  error: (detail: PayErrorInfo, event: CustomEvent<PayErrorInfo>) => relayed(detail, event),
};

/** The part of a component's `emit` that the field events need. */
interface FieldEventEmit {
  (name: 'change', detail: PayChangeDetail, event: CustomEvent<PayChangeDetail>): void;
  (name: 'focus', detail: PayFieldDetail, event: CustomEvent<PayFieldDetail>): void;
  (name: 'blur', detail: PayFieldDetail, event: CustomEvent<PayFieldDetail>): void;
  (name: 'submit', detail: PayFieldDetail, event: CustomEvent<PayFieldDetail>): void;
}

/**
 * Vnode listeners (`onPayChange` is a `pay-change` listener) that relay the field events. Bound
 * through the vnode, Vue adds them with the element and removes them with it.
 */
export function fieldEventListeners(emit: FieldEventEmit) {
  return {
    onPayChange: (event: CustomEvent<PayChangeDetail>) => emit('change', event.detail, event),
    onPayFocus: (event: CustomEvent<PayFieldDetail>) => emit('focus', event.detail, event),
    onPayBlur: (event: CustomEvent<PayFieldDetail>) => emit('blur', event.detail, event),
    onPaySubmit: (event: CustomEvent<PayFieldDetail>) => emit('submit', event.detail, event),
  };
}
