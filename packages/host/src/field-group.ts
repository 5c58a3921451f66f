import type { CardBrand, CardNetwork, FontSource, Locale, Messages } from '@pay/protocol';

/** The group's tag: a field joins the nearest one around it. */
export const GROUP_TAG = 'pay-card-fields';

/**
 * What a field needs of the `<pay-card-fields>` around it. The group implements it; a field
 * depends on this interface only, never on the group's class, so the two modules do not
 * import each other. `Field` is the field class the group keeps.
 */
export interface FieldGroup<Field> {
  /** Separates this group's frames from another group's on the same page. */
  readonly groupId: string;
  /** The gateway's origin; empty when none is known. */
  readonly gatewayOrigin: string;
  readonly publishableKey: string | null;
  readonly fonts: FontSource[];
  readonly disabled: boolean;
  /** The group's `locale`, resolved to one the frames ship. */
  readonly resolvedLocale: Locale;
  readonly messages: Messages;
  readonly acceptedBrands: CardBrand[] | null;
  readonly preferredNetwork: CardNetwork | null;
  readonly autoAdvance: boolean;
  /** The `theme` attribute, unchecked: the frame keeps only the themes it has. */
  readonly theme: string | null;
  register(field: Field): void;
  unregister(field: Field): void;
  /**
   * Runs `task` after every call the page made before on the group or any of its fields has
   * taken effect (or failed): calls take effect in the order they were made, across frames.
   */
  sequence<T>(task: () => Promise<T>): Promise<T>;
  /** A field became ready (again): the group may be ready now. */
  fieldReady(): void;
  /** A field's state changed: a token made before no longer matches it. */
  fieldChanged(): void;
  /** The focused `field` just became complete and valid (auto-advance). */
  fieldDone(field: Field): void;
  /** Enter in a field that nobody canceled: submit the group's form. */
  requestSubmit(): void;
}

/**
 * The group `field` sits in, found through the DOM. The SDK defines the group's tag before the
 * fields' (see define()), so an element found here is already upgraded.
 */
export function closestGroup<Field>(field: Element): FieldGroup<Field> | null {
  return field.closest<Element & FieldGroup<Field>>(GROUP_TAG);
}
