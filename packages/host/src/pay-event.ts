import type { FieldChangeDetail, FieldKind } from '@pay/protocol';

/** `pay-focus`, `pay-blur`, `pay-submit` and a field's own `pay-ready`: which field it was. */
export interface PayFieldDetail {
  field: FieldKind;
}

/** `pay-change`: the field and its state; never its value or how many characters it holds. */
export interface PayChangeDetail extends FieldChangeDetail, PayFieldDetail {}

/** The group's `pay-ready`: every one of its fields is ready; their kinds, in order. */
export interface PayGroupReadyDetail {
  fields: FieldKind[];
}

/**
 * Dispatches one of the SDK's `pay-*` events: they cross shadow roots and bubble (but for a
 * field's own `pay-ready`), so a listener on the form or the document hears every field.
 * False when a listener canceled it.
 */
export function emit(
  target: HTMLElement,
  type: string,
  detail: unknown,
  cancelable = false,
  bubbles = true,
) {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles, composed: true, cancelable }),
  );
}
