/**
 * How a field frame and its host page find each other, outside the RPC. The frame's document,
 * once it shows its field as it will stay (the host's configuration applied, strings, styles and
 * fonts in place), says `hello` to the host page: one window message, to the host's exact origin,
 * repeating the frame id of its URL and carrying a MessagePort that only this document holds.
 * That message is the handshake: the host takes it only from the gateway origin, from its own
 * iframe's window, with its own frame id; the RPC (port-rpc.ts) then runs over the port. When the
 * document goes away it says `gone` on that port, before anything else can happen in the iframe.
 */
import { isRandomId } from './random-id.js';

export const FIELD_NAMESPACE = 'pay-field';

/** What the host needs to show the frame as it will stay: its height and its name. */
export interface FrameLook {
  /** The document's height in CSS pixels. */
  height: number;
  /** The field's name in the frame's language: the iframe's title when the page gives none. */
  title: string;
}

export type FieldMessage =
  | { ns: typeof FIELD_NAMESPACE; type: 'hello'; id: string; look: FrameLook }
  | { ns: typeof FIELD_NAMESPACE; type: 'gone' };

/** The frame's look as the host may take it: a sane height, a short string. */
export function readLook(value: unknown): FrameLook | null {
  if (typeof value !== 'object' || value === null) return null;
  const { height, title } = value as Record<string, unknown>;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0 || height > 2000)
    return null;
  if (typeof title !== 'string') return null;
  return { height, title: title.slice(0, 200) };
}

/** The look of a hello for frame `id`, or null when `data` is not one. */
export function readHello(data: unknown, id: string): FrameLook | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.ns !== FIELD_NAMESPACE || m.type !== 'hello' || !isRandomId(m.id) || m.id !== id)
    return null;
  return readLook(m.look);
}

export function isGone(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as Record<string, unknown>).ns === FIELD_NAMESPACE &&
    (data as Record<string, unknown>).type === 'gone'
  );
}
