// Build step of the frame app: its entry script and stylesheet go into index.html itself, so the
// frame is one round trip (its document), not two (the document, then what it links to). The
// gateway's CSP allows exactly these inline blocks by their hashes (frame-csp.json), nothing else.
import { createHash } from 'node:crypto';
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

export function inlineFrameApp(): Plugin {
  return {
    name: 'inline-frame-app',
    apply: 'build',
    enforce: 'post',
    // After Vite's own generateBundle hooks: they write index.html and fill in the entry's
    // dynamic-import preload lists (__VITE_PRELOAD__).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = Object.values(bundle).find(
          (f): f is OutputAsset => f.type === 'asset' && f.fileName === 'index.html',
        );
        const entry = Object.values(bundle).find(
          (f): f is OutputChunk => f.type === 'chunk' && f.isEntry,
        );
        if (!html || !entry) throw new Error('inline-frame-app: no index.html or entry chunk');
        // The entry stops being a file: no other chunk may import from it.
        for (const f of Object.values(bundle))
          if (f.type === 'chunk' && f !== entry && f.imports.includes(entry.fileName))
            throw new Error(`inline-frame-app: ${f.fileName} imports the entry chunk`);
        const css = [...(entry.viteMetadata?.importedCss ?? [])].map(
          (name) => bundle[name] as OutputAsset,
        );
        // The chunk's imports are relative to assets/; inline, they resolve against the document.
        let code = entry.code;
        for (const name of entry.dynamicImports) {
          const base = name.slice(name.lastIndexOf('/') + 1);
          code = code.split(`"./${base}"`).join(`"./${name}"`);
        }
        const style = css.map((c) => String(c.source)).join('');
        assertInlinable(code, 'script');
        assertInlinable(style, 'style');
        let text = String(html.source);
        const scriptTag = new RegExp(
          `<script type="module" crossorigin src="[^"]*${entry.fileName}"></script>`,
        );
        if (!scriptTag.test(text)) throw new Error('inline-frame-app: entry script tag not found');
        // A function, not a string: `$` in the code is not a replacement pattern.
        text = text.replace(scriptTag, () => `<script type="module">${code}</script>`);
        for (const c of css) {
          const linkTag = new RegExp(
            `<link rel="stylesheet" crossorigin href="[^"]*${c.fileName}">`,
          );
          text = text.replace(linkTag, '');
          delete bundle[c.fileName];
        }
        // The card rules chunk, fetched while the document parses rather than once the app runs.
        // Only it: the other dynamic chunks are the languages, and a frame fetches its own only.
        const preloads = entry.dynamicImports
          .filter((name) => /(^|\/)card-rules-[\w-]+\.js$/.test(name))
          .map((name) => `<link rel="modulepreload" href="./${name}">`)
          .join('\n    ');
        text = text.replace(
          '</title>',
          () => `</title>\n    <style>${style}</style>\n    ${preloads}`,
        );
        html.source = text;
        delete bundle[entry.fileName];
        this.emitFile({
          type: 'asset',
          fileName: FRAME_CSP_FILE,
          source: `${JSON.stringify({ 'script-src': [sha256(code)], 'style-src': [sha256(style)] }, null, 2)}\n`,
        });
      },
    },
  };
}
