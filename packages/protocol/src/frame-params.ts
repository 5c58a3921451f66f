/**
 * The parameters a field frame starts with, carried in its URL fragment (never sent to a
 * server, never logged by one). The host origin here is the frame's only postMessage target.
 */
import { isFieldKind, type FieldKind } from './card-parts.js';
import {
  DEFAULT_LOCALE,
  isLocale,
  isTextDirection,
  localeDirection,
  type Locale,
  type TextDirection,
} from './locales.js';

/** Where the gateway serves the frame app. */
export const FRAME_PATH = '/frame/v1/index.html';

export interface FrameParams {
  kind: FieldKind;
  /** The merchant page's origin. */
  origin: string;
  /** A random id per `<pay-card-fields>`, so two groups on one page never mix. */
  group: string;
  /** The strings the frame loads before it draws (one of LOCALES). */
  locale: Locale;
  /** The merchant page's direction where the field sits. */
  dir: TextDirection;
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

const GROUP_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function frameUrl(gatewayOrigin: string, params: FrameParams): string {
  const hash = new URLSearchParams({
    kind: params.kind,
    origin: params.origin,
    group: params.group,
    locale: params.locale,
    dir: params.dir,
  });
  // The kind in the query too, so each kind has a URL of its own: browsers let one request for
  // a URL through at a time while its cache entry is being written (Chromium's cache lock), so
  // three frames at one URL load one after another, a round trip each. Only the kind: it is
  // no secret, and the cache keeps one entry per kind.
  return `${gatewayOrigin}${FRAME_PATH}?field=${params.kind}#${hash.toString()}`;
}

/**
 * Reads the fragment; null when the kind, origin or group is missing or malformed. A locale
 * off the list is English and a direction other than `rtl` is the locale's own: the field
 * still works, in a language it has.
 */
export function readFrameParams(hash: string): FrameParams | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const kind = params.get('kind');
  const origin = params.get('origin');
  const group = params.get('group');
  if (!isFieldKind(kind) || !isExactOrigin(origin) || !group || !GROUP_ID.test(group)) return null;
  const tag = params.get('locale');
  const locale = isLocale(tag) ? tag : DEFAULT_LOCALE;
  const dir = params.get('dir');
  return { kind, origin, group, locale, dir: isTextDirection(dir) ? dir : localeDirection(locale) };
}
