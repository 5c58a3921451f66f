import type { PayFieldEventMap, PayGroupEventMap } from '@pay/host';

/** The component event a `pay-*` event becomes: `pay-change` → `change`. */
type Short<Name> = Name extends `pay-${infer Rest}` ? Rest : never;

/** A validated emit per event of `Map`, given the element event's detail, then the event. */
type Emits<Map> = {
  [Name in keyof Map as Short<Name>]: (detail: Map[Name], event: CustomEvent<Map[Name]>) => boolean;
};

/** The vnode listener of each event of `Map`: `pay-change` → `onPayChange`. */
type Listeners<Map> = {
  [Name in keyof Map as `onPay${Capitalize<Short<Name>>}`]: (event: CustomEvent<Map[Name]>) => void;
};

/** The field events every component relays; the group sends a `pay-ready` of its own. */
type RelayedFieldEvents = Omit<PayFieldEventMap, 'pay-ready'>;

/** What Vue checks of an emit in development: a detail object, and the event it came from. */
function relayed(detail: object, event: Event): boolean {
  return typeof detail === 'object' && detail !== null && event instanceof Event;
}

/**
 * A field component's events: each relays its element's `pay-*` event as `(detail, event)`.
 * Declared, so that `@focus` or `@change` on the component is the component's own event and
 * never falls through to the element as a native listener (a DOM `focus` is not a `pay-focus`).
 * The validators mostly carry the types (from the SDK's event map): the element has already
 * checked what it sends.
 */
export const fieldEmits: Emits<PayFieldEventMap> = {
  ready: relayed,
  change: relayed,
  focus: relayed,
  blur: relayed,
  submit: relayed,
};

/**
 * The group's events: its own `ready` (every field ready, once) and `error`, and the field
 * events that bubble up to it from its fields (`detail.field` says which).
 */
export const groupEmits: Emits<RelayedFieldEvents & PayGroupEventMap> = {
  ...fieldEmits,
  ready: relayed,
  error: relayed,
};

/** The part of a component's `emit` that the field events need. */
interface FieldEventEmit {
  (name: 'change', ...args: Parameters<Emits<RelayedFieldEvents>['change']>): void;
  (name: 'focus', ...args: Parameters<Emits<RelayedFieldEvents>['focus']>): void;
  (name: 'blur', ...args: Parameters<Emits<RelayedFieldEvents>['blur']>): void;
  (name: 'submit', ...args: Parameters<Emits<RelayedFieldEvents>['submit']>): void;
}

/**
 * Vnode listeners (`onPayChange` is a `pay-change` listener) that relay the field events. Bound
 * through the vnode, Vue adds them with the element and removes them with it.
 */
export function fieldEventListeners(emit: FieldEventEmit): Listeners<RelayedFieldEvents> {
  return {
    onPayChange: (event) => emit('change', event.detail, event),
    onPayFocus: (event) => emit('focus', event.detail, event),
    onPayBlur: (event) => emit('blur', event.detail, event),
    onPaySubmit: (event) => emit('submit', event.detail, event),
  };
}
