/**
 * Dispatches one of the SDK's `pay-*` events: they bubble and cross shadow roots, so a
 * listener on the form or the document hears every field. False when a listener canceled it.
 */
export function emit(target: HTMLElement, type: string, detail?: unknown, cancelable = false) {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}
