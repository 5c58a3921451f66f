// An esbuild plugin for the SDK: penpal's debug logging, `log?.(...)` calls with their
// messages, is only on when a `log` function is passed to connect(), which the SDK never does.
// Taken out of the bundle it is about 110 B min+gzip of the SDK's 8 KB budget. Each call is cut
// whole (its arguments have no side effects: strings and penpal's own message objects); a
// penpal that no longer has such calls, or has one this cannot cut, fails the build.
import { readFile } from 'node:fs/promises';

const CALL = /(?:this\.#)?\blog\?\.\(/g;

/** The index just past the `)` that closes the call opened at `from` (just past its `(`). */
function callEnd(source, from) {
  let depth = 1;
  let quote = null;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error('penpal-without-logs: unbalanced log call');
}

export function withoutLogs(source) {
  let out = '';
  let at = 0;
  let cut = 0;
  for (const match of source.matchAll(CALL)) {
    if (match.index < at) continue;
    out += source.slice(at, match.index) + 'void 0';
    at = callEnd(source, match.index + match[0].length);
    cut++;
  }
  if (!cut) throw new Error('penpal-without-logs: no log calls found; is penpal still 7.x?');
  return out + source.slice(at);
}

export const penpalWithoutLogs = {
  name: 'penpal-without-logs',
  setup(build) {
    build.onLoad({ filter: /[\\/]penpal[\\/]dist[\\/]penpal\.mjs$/ }, async ({ path }) => ({
      contents: withoutLogs(await readFile(path, 'utf8')),
      loader: 'js',
    }));
  },
};
