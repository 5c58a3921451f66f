/**
 * Where a field frame's document is and what it starts with. The document is one per kind and
 * locale (`/frame/v1/fr/number.html`), served with its strings and its inputs already drawn;
 * the rest rides in the URL fragment (never sent to a server, never logged by one): the host
 * origin (the frame's only postMessage target), the group, the frame's own id, and the host's
 * configuration when it made the iframe, which the frame applies before it first speaks.
 */
import type { FieldKind } from './card-parts.js';
import type { Locale } from './locales.js';
import { isRandomId } from './random-id.js';
import type { FrameConfig } from './rpc.js';

/** Where the gateway serves the field frames' documents: `<FRAME_PATH><locale>/<kind>.html`. */
export const FRAME_PATH = '/frame/v1/';

/** What the frame reads from its URL fragment (the kind and locale are its document's own). */
export interface FrameParams {
  /** The merchant page's origin. */
  origin: string;
  /** A random id per `<pay-card-fields>`, so two groups on one page never mix. */
  group: string;
  /**
   * A random id per iframe, which the frame's hello repeats: a gateway document someone else
   * put in the iframe, with a fragment of their own, cannot speak for the field.
   */
  id: string;
  /** The host's configuration at the iframe's creation; untrusted, checked by the frame. */
  config: unknown;
}

/** A serialized http(s) origin such as `https://shop.example:8443`, nothing more. */
export function isExactOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** The path of the document of `kind` in `locale`, below the gateway's origin. */
export function framePath(kind: FieldKind, locale: Locale): string {
  return `${FRAME_PATH}${locale}/${kind}.html`;
}

/**
 * The frame document's URL. Each kind and locale has a URL of its own: browsers let one request
 * for a URL through at a time while its cache entry is being written (Chromium's cache lock), so
 * three frames at one URL would load one after another, a round trip each.
 */
export function frameUrl(
  gatewayOrigin: string,
  params: Omit<FrameParams, 'config'> & { kind: FieldKind; config: FrameConfig },
): string {
  const hash = new URLSearchParams({
    origin: params.origin,
    group: params.group,
    id: params.id,
    config: JSON.stringify(params.config),
  });
  const locale = params.config.locale ?? 'en';
  return `${gatewayOrigin}${framePath(params.kind, locale)}#${hash.toString()}`;
}

/** Reads the fragment; null when the origin, group or id is missing or malformed. */
export function readFrameParams(hash: string): FrameParams | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const origin = params.get('origin');
  const group = params.get('group');
  const id = params.get('id');
  if (!isExactOrigin(origin) || !isRandomId(group) || !isRandomId(id)) return null;
  let config: unknown = null;
  try {
    config = JSON.parse(params.get('config') ?? 'null');
  } catch {
    // A config that is not JSON is no config: the frame draws its defaults.
  }
  return { origin, group, id, config };
}
