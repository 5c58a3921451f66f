/**
 * The languages the field frames speak, and the keys of their string catalogs. Both sides
 * compile against this: the host resolves the group's `locale` to one of LOCALES and the frame
 * takes nothing else (a value off the list, from a URL or a message, becomes `en`), so a locale
 * never names a file or a path that is not on this list.
 */
export const LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'ja', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Languages written right to left. */
const RTL_LOCALES: readonly Locale[] = ['ar'];

export type TextDirection = 'ltr' | 'rtl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isTextDirection(value: unknown): value is TextDirection {
  return value === 'ltr' || value === 'rtl';
}

/**
 * A BCP 47 tag to the locale shipped for it: the tag's language (fr-CA → fr, pt-BR → pt,
 * sv_SE → sv), else English. Region and script are dropped: no shipped locale depends on them.
 */
export function resolveLocale(tag: unknown): Locale {
  const language = typeof tag === 'string' ? tag.trim().split(/[-_]/)[0]!.toLowerCase() : '';
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

export function localeDirection(locale: Locale): TextDirection {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}

/**
 * Error codes with a message of their own in every catalog; any other code reads
 * `generic_error`. (`unsupported_brand` is for accepted brands.)
 */
export const MESSAGE_ERROR_CODES = [
  'incomplete_number',
  'invalid_number',
  'incomplete_expiry',
  'invalid_expiry',
  'expired_card',
  'incomplete_cvc',
  'incomplete_name',
  'unsupported_brand',
  'network_error',
  'rate_limited',
  'generic_error',
] as const;

/**
 * The frames' other strings. `<part>_label` is the input's accessible name (and the iframe's
 * title), `<part>_placeholder` its placeholder; `card_label` names the combined field's group
 * of inputs; `choose_network` labels a co-badged card's network choice.
 */
export const UI_STRING_KEYS = [
  'number_label',
  'number_placeholder',
  'expiry_label',
  'expiry_placeholder',
  'cvc_label',
  'cvc_placeholder',
  'name_label',
  'name_placeholder',
  'card_label',
  'choose_network',
] as const;

export type MessageKey = (typeof MESSAGE_ERROR_CODES)[number] | (typeof UI_STRING_KEYS)[number];

/** One language's strings: every key. */
export type Catalog = Record<MessageKey, string>;

/** The merchant's overrides (`group.messages`): any keys, in the shopper's language. */
export type Messages = Partial<Catalog>;

/** The longest override kept: a message, not a page. */
export const MAX_MESSAGE_LENGTH = 200;

/** Keeps the known keys with string values, cut to MAX_MESSAGE_LENGTH; drops the rest. */
export function sanitizeMessages(input: unknown): Messages {
  const messages: Messages = {};
  if (typeof input !== 'object' || input === null) return messages;
  // Made here, not when the module loads: the SDK, which never sanitizes, keeps none of it.
  const keys: readonly string[] = [...MESSAGE_ERROR_CODES, ...UI_STRING_KEYS];
  for (const [key, value] of Object.entries(input)) {
    if (keys.includes(key) && typeof value === 'string' && value.trim()) {
      messages[key as MessageKey] = value.slice(0, MAX_MESSAGE_LENGTH);
    }
  }
  return messages;
}
