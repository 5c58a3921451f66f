/**
 * Where each locale's strings come from when a frame changes language after it was served: a
 * chunk of its own per language, fetched only by a frame that then speaks it (a frame's first
 * language comes in its document, complete: served-strings.ts). Keyed by the closed LOCALES
 * list: a locale never builds a path.
 */
import type { Catalog, Locale } from '@pay/protocol';

type Loader = () => Promise<{ default: Catalog }>;

export const CATALOG_LOADERS: Record<Locale, Loader> = {
  en: () => import('./catalogs/en.js'),
  fr: () => import('./catalogs/fr.js'),
  de: () => import('./catalogs/de.js'),
  es: () => import('./catalogs/es.js'),
  it: () => import('./catalogs/it.js'),
  nl: () => import('./catalogs/nl.js'),
  pt: () => import('./catalogs/pt.js'),
  pl: () => import('./catalogs/pl.js'),
  sv: () => import('./catalogs/sv.js'),
  ja: () => import('./catalogs/ja.js'),
  ar: () => import('./catalogs/ar.js'),
};
