/**
 * The frame's language: the catalog of its locale, the merchant's overrides on top, and the
 * `lang` and `dir` of the frame document. One per frame document; components re-render through
 * LocaleController when it changes. A frame document is served in its locale, with that
 * locale's strings in it: the frame speaks its
 * language from the first moment, with no chunk to fetch (served-strings.ts). Another locale,
 * asked for later, is loaded from its chunk.
 */
import {
  DEFAULT_LOCALE,
  isLocale,
  type Catalog,
  type Locale,
  type MessageKey,
  type Messages,
  type TextDirection,
} from '@pay/protocol';
import { CATALOG_LOADERS } from './catalog-loaders.js';
import { servedStrings } from './served-strings.js';

const served = typeof document === 'undefined' ? null : servedStrings();
let locale: Locale = served?.locale ?? DEFAULT_LOCALE;
/** The served catalog is complete (the build fills it from English); another is loaded so. */
let catalog: Partial<Catalog> = served?.catalog ?? {};
let overrides: Messages = {};
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change of locale, direction or overrides; returns the unsubscribe. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentLocale(): Locale {
  return locale;
}

/** The string for `key`: the merchant's override, else the locale's. */
export function t(key: MessageKey): string {
  return overrides[key] ?? catalog[key] ?? key;
}

/**
 * Speaks `next` with `strings` (complete) at once: the build renders each document's strings
 * with it, and tests that have no served strings.
 */
export function useStrings(next: Locale, strings: Catalog): void {
  locale = next;
  catalog = strings;
  changed();
}

/**
 * Loads the strings of `next` (a value off LOCALES is English) and sets the document's `lang`.
 * A catalog that fails to load leaves English: the field still works.
 */
export async function setLocale(next: unknown): Promise<void> {
  const wanted: Locale = isLocale(next) ? next : DEFAULT_LOCALE;
  if (wanted === locale) return;
  let strings: Catalog | undefined;
  for (const tried of [wanted, DEFAULT_LOCALE]) {
    try {
      // English under every catalog: a key a catalog lacks still reads in a language.
      const [chosen, english] = await Promise.all([
        CATALOG_LOADERS[tried](),
        CATALOG_LOADERS[DEFAULT_LOCALE](),
      ]);
      strings = { ...english.default, ...chosen.default };
      locale = tried;
      break;
    } catch {
      console.warn(`pay: could not load the "${tried}" strings`);
    }
  }
  if (!strings) return; // nothing could load: the strings the frame has stay
  catalog = strings;
  document.documentElement.lang = locale;
  changed();
}

/** The merchant page's direction where the field sits: labels and errors follow it. */
export function setDirection(dir: TextDirection): void {
  if (document.documentElement.dir === dir) return;
  document.documentElement.dir = dir;
  changed();
}

export function setOverrides(messages: Messages): void {
  if (JSON.stringify(messages) === JSON.stringify(overrides)) return;
  overrides = messages;
  changed();
}
