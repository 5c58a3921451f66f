// Second step of the frame build (after `vite build`, which makes the app chunk): the frame's
// documents, one per kind and locale, `dist/<locale>/<kind>.html`. Each is served with its field
// already drawn: `<pay-card-form>` rendered by Lit's server renderer from the form's own template,
// as a declarative shadow root the browser draws while it parses, in the locale's words, with the
// locale's strings beside it (a JSON data block) and the small entry script inlined at the end of
// the body. The app, loaded later, hydrates those very nodes. The gateway's CSP allows exactly the
// inline script and styles by their hashes (frame-csp.json), nothing else.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  FIELD_KINDS,
  LOCALES,
  localeDirection,
  partsOf,
  type Catalog,
  type FieldKind,
  type Locale,
} from '@pay/protocol';
import { FRAME_CSP_FILE, type FrameCspHashes } from '@pay/protocol/gateway';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(packageDir, 'dist');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** `</script` or `</style` inside the text would end the element early. */
function assertInlinable(text: string, tag: string): void {
  if (new RegExp(`</${tag}`, 'i').test(text))
    throw new Error(`cannot inline: </${tag} in the code`);
}

/** The app chunk's file, from Vite's manifest. */
async function appChunk(): Promise<string> {
  const manifest = JSON.parse(
    await readFile(path.join(dist, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, { file: string; isEntry?: boolean; name?: string }>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry && chunk.name === 'app');
  if (!entry) throw new Error('build-documents: no app entry in the Vite manifest');
  return entry.file;
}

/**
 * The inline entry, bundled on its own (its own copy of the little it shares with the app), so
 * that the app chunk imports nothing from a script that has no URL. A classic script at the end
 * of the body, not a module: an inline module runs only once the document is parsed, a task
 * later; a classic one runs as the parser reaches it. In a function of its own, strict as a
 * module is; its import() of the app works the same. (esbuild's iife format adds a shim.)
 */
async function bundleEntry(appUrl: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(packageDir, 'src/main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target: 'es2022',
    conditions: ['module', 'browser', 'production'],
    define: { FRAME_APP_URL: JSON.stringify(appUrl) },
    external: [appUrl],
    logLevel: 'error',
    metafile: true,
  });
  const code = result.outputFiles[0]!.text.trim();
  const output = Object.values(result.metafile.outputs)[0]!;
  const statics = output.imports.filter((i) => i.kind !== 'dynamic-import');
  if (output.exports.length || statics.length || code.includes('import.meta'))
    throw new Error(
      'build-documents: the entry must not export, import statically or use import.meta',
    );
  return `(()=>{"use strict";${code}})();`;
}

/** Every locale's complete catalog (English fills what a catalog lacks). */
async function catalogs(): Promise<Record<Locale, Catalog>> {
  const { CATALOG_LOADERS } = await import('../src/i18n/catalog-loaders.js');
  const english = (await CATALOG_LOADERS.en()).default;
  const all = {} as Record<Locale, Catalog>;
  for (const locale of LOCALES)
    all[locale] = { ...english, ...(await CATALOG_LOADERS[locale]()).default };
  return all;
}

/** A JSON text safe inside a `<script type="application/json">` (no `</script`, no `<!--`). */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function main(): Promise<void> {
  // Lit's server renderer needs its DOM shim in place before any element class is defined:
  // the components are imported after it, dynamically.
  await import('@lit-labs/ssr/lib/install-global-dom-shim.js');
  const { render } = await import('@lit-labs/ssr');
  const { collectResultSync } = await import('@lit-labs/ssr/lib/render-result.js');
  const { html } = await import('lit');
  await import('../src/components/card-form.js');
  const { useStrings, t } = await import('../src/i18n/frame-locale.js');
  const { frameTitle } = await import('../src/card-rules/part-texts.js');

  const appUrl = `../${await appChunk()}`;
  const entry = await bundleEntry(appUrl);
  const documentStyle = (await readFile(path.join(packageDir, 'src/frame.css'), 'utf8')).trim();
  assertInlinable(entry, 'script');
  assertInlinable(documentStyle, 'style');
  const styles = new Set([documentStyle]);
  const strings = await catalogs();

  const drawField = (kind: FieldKind): string => {
    // The form as the app will hydrate it: the document's defaults (the entry gives it the
    // host's words), `defer-hydration` until the app has its configuration.
    const parts = partsOf(kind).join(' ');
    return collectResultSync(
      render(html`<pay-card-form parts=${parts} defer-hydration></pay-card-form>`),
    );
  };

  for (const locale of LOCALES) {
    useStrings(locale, strings[locale]);
    await mkdir(path.join(dist, locale), { recursive: true });
    for (const kind of FIELD_KINDS) {
      const field = drawField(kind);
      for (const [, style] of field.matchAll(/<style>([\s\S]*?)<\/style>/g)) styles.add(style!);
      const document = `<!doctype html>
<html lang="${locale}" dir="${localeDirection(locale)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeText(frameTitle(partsOf(kind), t))}</title>
    <style>${documentStyle}</style>
    <script type="application/json" id="pay-strings">${inlineJson({ locale, catalog: strings[locale] })}</script>
  </head>
  <body>${field}<script>${entry}</script></body>
</html>
`;
      await writeFile(path.join(dist, locale, `${kind}.html`), document);
    }
  }
  await writeFile(
    path.join(dist, FRAME_CSP_FILE),
    `${JSON.stringify({ 'script-src': [sha256(entry)], 'style-src': [...styles].map(sha256) } satisfies FrameCspHashes, null, 2)}\n`,
  );
  console.log(
    `build-documents: ${LOCALES.length * FIELD_KINDS.length} documents (${LOCALES.length} locales × ${FIELD_KINDS.length} kinds), entry ${entry.length} B, ${styles.size} inline styles`,
  );
}

await main();
