import type { PayFieldEventMap, PayGroupEventMap } from '@pay/protocol';

export type {
  PayChangeDetail,
  PayFieldDetail,
  PayGroupReadyDetail,
  PayFieldEventMap,
  PayGroupEventMap,
  PayEventMap,
} from '@pay/protocol';

/** A dispatcher of the events in `Map`: an unknown name or a wrong detail does not compile. */
type Emit<Map> = <Name extends keyof Map & string>(
  target: HTMLElement,
  type: Name,
  detail: Map[Name],
  cancelable?: boolean,
  bubbles?: boolean,
) => boolean;

/**
 * Dispatches one of the SDK's `pay-*` events: they cross shadow roots and bubble (but for a
 * field's own `pay-ready`), so a listener on the form or the document hears every field.
 * False when a listener canceled it.
 */
function emit(
  target: HTMLElement,
  type: string,
  detail: unknown,
  cancelable = false,
  bubbles = true,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles, composed: true, cancelable }),
  );
}

/** A field's events: {@link PayFieldEventMap}. */
export const emitFieldEvent: Emit<PayFieldEventMap> = emit;

/** The group's own events: {@link PayGroupEventMap}. */
export const emitGroupEvent: Emit<PayGroupEventMap> = emit;
