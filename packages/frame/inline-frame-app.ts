// Build step of the frame: its entry script and stylesheet go into index.html itself, so the
// frame can shake hands with the host page after one round trip (its document). The entry is
// small: it draws the inputs, opens the link to the host and loads the app chunk. The
// gateway's CSP allows exactly these inline blocks by their hashes (frame-csp.json), nothing else.
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import type { OutputAsset, OutputChunk } from 'rollup';
import type { Plugin } from 'vite';

/** Written beside index.html: the CSP source expressions of its inline script and style. */
/** Read by the gateway (packages/gateway/src/frame-csp.ts), which names the same file. */
export const FRAME_CSP_FILE = 'frame-csp.json';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** `</script` or `</style` inside the text would end the element early. */
function assertInlinable(text: string, tag: string): void {
  if (new RegExp(`</${tag}`, 'i').test(text))
    throw new Error(`cannot inline: </${tag} in the code`);
}

/**
 * The inline entry, bundled on its own (its own copy of the little it shares with the app), so
 * that the app chunk imports nothing from a script that has no URL.
 */
async function bundleEntry(entry: string, appUrl: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
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
  // Run as a classic script, not a module: an inline module runs only once the document is
  // parsed, a task later; a classic one at the end of the body runs as the parser reaches it,
  // with the body there to draw into. In a function of its own, strict as a module is; its
  // import() of the app works the same. (esbuild's iife format would add a require() shim.)
  const output = Object.values(result.metafile.outputs)[0]!;
  const statics = output.imports.filter((i) => i.kind !== 'dynamic-import');
  if (output.exports.length || statics.length || code.includes('import.meta'))
    throw new Error(
      'inline-frame-app: the entry must not export, import statically or use import.meta',
    );
  return `(()=>{"use strict";${code}})();`;
}

/** `entry`: the inline entry script; the build's own entry (in index.html) is the app. */
export function inlineFrameApp({ entry: entryScript }: { entry: string }): Plugin {
  return {
    name: 'inline-frame-app',
    apply: 'build',
    enforce: 'post',
    // After Vite's own generateBundle hooks: they write index.html and fill in the entry's
    // dynamic-import preload lists (__VITE_PRELOAD__).
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const html = Object.values(bundle).find(
          (f): f is OutputAsset => f.type === 'asset' && f.fileName === 'index.html',
        );
        const entry = Object.values(bundle).find(
          (f): f is OutputChunk => f.type === 'chunk' && f.isEntry && f.name === 'app',
        );
        if (!html || !entry) throw new Error('inline-frame-app: no index.html or entry chunk');
        // The document's stylesheet (frame.css); the app's own styles are in its components.
        const css = Object.values(bundle).filter(
          (f): f is OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css'),
        );
        const code = await bundleEntry(entryScript, `./${entry.fileName}`);
        const style = css.map((c) => String(c.source)).join('');
        assertInlinable(code, 'script');
        assertInlinable(style, 'style');
        let text = String(html.source);
        // The document's own entry chunk holds nothing but its stylesheet, inlined below.
        for (const f of Object.values(bundle))
          if (f.type === 'chunk' && f.isEntry && f !== entry) {
            if (text.includes(f.fileName) || f.code.trim())
              throw new Error(
                `inline-frame-app: index.html has a script of its own (${f.fileName})`,
              );
            delete bundle[f.fileName];
          }
        for (const c of css) {
          const linkTag = new RegExp(
            `<link rel="stylesheet" crossorigin href="[^"]*${c.fileName}">`,
          );
          text = text.replace(linkTag, '');
          delete bundle[c.fileName];
        }
        // Nothing is preloaded: the app loads once the frame has shaken hands and its thread is
        // idle (see src/main.ts), the card rules with it, a language only for a frame needing one.
        const preloads = '';
        // Functions, not strings: `$` in the code is not a replacement pattern.
        text = text.replace('</title>', () => `</title>\n    <style>${style}</style>${preloads}`);
        if (!text.includes('</body>'))
          throw new Error('inline-frame-app: index.html has no </body>');
        text = text.replace('</body>', () => `<script>${code}</script></body>`);
        html.source = text;
        this.emitFile({
          type: 'asset',
          fileName: FRAME_CSP_FILE,
          source: `${JSON.stringify({ 'script-src': [sha256(code)], 'style-src': [sha256(style)] }, null, 2)}\n`,
        });
      },
    },
  };
}
