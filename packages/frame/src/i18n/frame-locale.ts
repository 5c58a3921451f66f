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
import { CATALOG_LOADERS, ENGLISH } from './catalog-loaders.js';
import { servedStrings } from './served-strings.js';

const served = typeof document === 'undefined' ? null : servedStrings();
let locale: Locale = served?.locale ?? DEFAULT_LOCALE;
let catalog: Catalog = { ...ENGLISH, ...served?.catalog };
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

/** The string for `key`: the merchant's override, else the locale's, else English. */
export function t(key: MessageKey): string {
  return overrides[key] ?? catalog[key] ?? ENGLISH[key];
}

/** Speaks `next` with `strings` at once: the build renders each document's strings with it. */
export function useStrings(next: Locale, strings: Catalog): void {
  locale = next;
  catalog = { ...ENGLISH, ...strings };
  changed();
}

/**
 * Loads the strings of `next` (a value off LOCALES is English) and sets the document's `lang`.
 * A catalog that fails to load leaves English: the field still works.
 */
export async function setLocale(next: unknown): Promise<void> {
  const wanted: Locale = isLocale(next) ? next : DEFAULT_LOCALE;
  if (wanted === locale) return;
  let strings = ENGLISH;
  if (wanted !== 'en') {
    try {
      strings = (await CATALOG_LOADERS[wanted]()).default;
    } catch {
      console.warn(`pay: could not load the "${wanted}" strings; showing English`);
    }
  }
  locale = strings === ENGLISH ? DEFAULT_LOCALE : wanted;
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
