/**
 * The strings a frame document is served with: its locale's catalog, in a JSON data block the
 * build writes into each document (a `<script type="application/json">`, which never runs, so the
 * frame's CSP has nothing to allow). The frame speaks its language from its first moment, before
 * any chunk could load. Read by the entry and by the app's locale alike; imports nothing heavy.
 */
import { isLocale, type Catalog, type Locale } from '@pay/protocol';

export const STRINGS_ID = 'pay-strings';

export interface ServedStrings {
  locale: Locale;
  catalog: Partial<Catalog>;
}

/** The document's strings, or null (a document without them: a test page). */
export function servedStrings(): ServedStrings | null {
  try {
    const served = JSON.parse(
      document.getElementById(STRINGS_ID)?.textContent ?? 'null',
    ) as Partial<ServedStrings> | null;
    if (served && isLocale(served.locale) && typeof served.catalog === 'object' && served.catalog)
      return { locale: served.locale, catalog: served.catalog };
  } catch {
    // Not JSON: as if none.
  }
  return null;
}
