/**
 * Where each locale's strings come from. English is in the frame's first load (every other
 * catalog falls back to it); any other language is a chunk of its own, fetched only by a frame
 * that speaks it. Keyed by the closed LOCALES list: a locale never builds a path.
 */
import type { Catalog, Locale } from '@pay/protocol';
import en from './catalogs/en.js';

type Loader = () => Promise<{ default: Catalog }>;

export const ENGLISH: Catalog = en;

export const CATALOG_LOADERS: Record<Exclude<Locale, 'en'>, Loader> = {
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
