/**
 * The DOM events the SDK's elements fire on the merchant page, by name → `detail`. Dispatch
 * helpers, listeners and the React/Vue wrappers are typed with these maps, so a misspelt event
 * name does not compile, as a misspelt RPC method does not. Like fields.ts, a detail carries
 * state only: never a value, nor how many characters a field holds.
 */
import type { FieldKind } from './card-parts.js';
import type { FieldChangeDetail, PayErrorInfo } from './fields.js';

/** `pay-focus`, `pay-blur`, `pay-submit` and a field's own `pay-ready`: which field it was. */
export interface PayFieldDetail {
  field: FieldKind;
}

/** `pay-change`: the field and its state. */
export interface PayChangeDetail extends FieldChangeDetail, PayFieldDetail {}

/** The group's `pay-ready`: every one of its fields is ready; their kinds, in order. */
export interface PayGroupReadyDetail {
  fields: FieldKind[];
}

/** What a field element (`<pay-card-number>`, …) fires. All but `pay-ready` bubble. */
export interface PayFieldEventMap {
  /** The field's frame is connected. Does not bubble. */
  'pay-ready': PayFieldDetail;
  'pay-change': PayChangeDetail;
  'pay-focus': PayFieldDetail;
  'pay-blur': PayFieldDetail;
  /** Enter in the field; cancelable. */
  'pay-submit': PayFieldDetail;
}

/** What `<pay-card-fields>` fires itself (its fields' bubbling events reach it too). */
export interface PayGroupEventMap {
  /** Every field of the group is ready; once per set of fields. */
  'pay-ready': PayGroupReadyDetail;
  /** A setup problem (missing key or gateway, wrong key) or a failed submit. */
  'pay-error': PayErrorInfo;
}

/** Every `pay-*` event a listener on the page may hear, as a field or the group sends it. */
export type PayEventMap = {
  [Name in keyof PayFieldEventMap | keyof PayGroupEventMap]:
    | (Name extends keyof PayFieldEventMap ? PayFieldEventMap[Name] : never)
    | (Name extends keyof PayGroupEventMap ? PayGroupEventMap[Name] : never);
};

/** The DOM event objects of a map: `CustomEvent`s carrying its details. */
export type CustomEventMap<Map> = { [Name in keyof Map]: CustomEvent<Map[Name]> };
