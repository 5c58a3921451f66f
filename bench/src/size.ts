// Size: every contender bundled by esbuild with the same settings, then gzip -9.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { absolute, atMost, budget, informs, type Recorder } from './metric';
import { benchDir, frameDir, hostDir } from './paths';

export interface Bundle {
  label: string;
  minified: number;
  gzipped: number;
  /** The largest inputs in the minified output, for finding what to cut. */
  top: { input: string; bytes: number }[];
}

const SDK_BUDGET = 8 * 1024;
const SMALLER_THAN_BRAINTREE = 4.5;

// Merchants bundle braintree-web from its CommonJS modules; esbuild's browser field would pick
// the prebuilt UMD files instead, which repeat shared code and are ~25% bigger. Importing the
// module files keeps the peer at its smallest.
const BRAINTREE = `import client from 'braintree-web/client/index.js';
import hostedFields from 'braintree-web/hosted-fields/index.js';
export { client, hostedFields };`;
// Adyen v6's tree-shakeable ES entry: the core plus CustomCard (its split secured fields).
// Its ES build imports no CSS or assets (styles ship as a separate adyen.css), so nothing is stubbed.
const ADYEN = `export { AdyenCheckout, CustomCard } from '@adyen/adyen-web';`;

export async function bundle(
  label: string,
  stdin: string,
  resolveDir: string,
  plugins: esbuild.Plugin[] = [],
): Promise<Bundle> {
  const result = await esbuild.build({
    stdin: { contents: stdin, resolveDir, loader: 'ts', sourcefile: `${label}.entry.ts` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: 'out', // never written; lets an imported stylesheet become its own output
    // Code behind a dynamic import() becomes a lazy chunk a page loads only when it uses it.
    splitting: true,
    metafile: true,
    logLevel: 'silent',
    plugins,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  // Scripts and stylesheets the entry loads before it runs (itself and its static imports),
  // each gzipped on its own as a server would send them; lazy chunks are left out.
  const eager = new Set<string>();
  const visit = (file: string): void => {
    if (eager.has(file)) return;
    eager.add(file);
    const output = result.metafile.outputs[file];
    if (output?.cssBundle) eager.add(output.cssBundle);
    for (const i of output?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
  };
  // A dynamic import's target is listed as an entry point too: only the real entries count.
  const outputs = Object.entries(result.metafile.outputs);
  const lazy = new Set(
    outputs.flatMap(([, o]) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    ),
  );
  for (const [file, output] of outputs) if (output.entryPoint && !lazy.has(file)) visit(file);
  const files = result.outputFiles.filter(
    (f) => /\.(js|css)$/.test(f.path) && eager.has(path.relative(process.cwd(), f.path)),
  );
  const top = Object.values(result.metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  return {
    label,
    minified: files.reduce((sum, f) => sum + f.contents.length, 0),
    gzipped: files.reduce((sum, f) => sum + gzipSync(f.contents, { level: 9 }).length, 0),
    top,
  };
}

/** The module the merchant-facing pay.js is built from: vite's lib entry, else src/pay.ts. */
export function hostEntry(): string {
  for (const config of ['vite.config.ts', 'vite.config.mts', 'vite.config.js']) {
    const file = path.join(hostDir, config);
    if (!existsSync(file)) continue;
    const entry = /entry\s*:\s*(?:resolve\([^'"]*)?['"]([^'"]+)['"]/.exec(
      readFileSync(file, 'utf8'),
    );
    if (entry?.[1]) return path.resolve(hostDir, entry[1]);
  }
  return path.join(hostDir, 'src/pay.ts');
}

/**
 * The frame app's entries: the scripts and stylesheets of its HTML pages, and its entry script
 * and the app that script loads (src/main.ts, src/app.ts), which the build inlines and chunks.
 */
export function frameEntries(): string[] {
  const pages = readdirSync(frameDir).filter((f) => f.endsWith('.html'));
  const scripts = pages.flatMap((page) =>
    [
      ...readFileSync(path.join(frameDir, page), 'utf8').matchAll(
        /<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"]+)"/g,
      ),
    ].map((m) => path.join(frameDir, m[1]!.replace(/^\//, ''))),
  );
  const own = ['src/main.ts', 'src/app.ts'].map((f) => path.join(frameDir, f));
  return [...new Set([...scripts, ...own])].filter((f) => existsSync(f));
}

function importAll(files: string[]): string {
  return files.map((f) => `import ${JSON.stringify(f)};`).join('\n');
}

/** What the gateway actually serves (vite's build), gzip -9, for comparison with esbuild's. */
/** Scripts, stylesheets and documents (the frame's holds its inlined entry), each gzipped. */
function servedSize(dir: string): number | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /\.(js|css|html)$/.test(f),
  );
  if (!files.length) return null;
  return files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length,
    0,
  );
}

function topLines(b: Bundle): string[] {
  return b.top.map((t) => `${t.bytes.toString().padStart(7)}  ${t.input}`);
}

export async function measureSize(r: Recorder, log: (line: string) => void): Promise<void> {
  const show = (b: Bundle) => {
    log(`size ${b.label}: ${b.minified} B min, ${b.gzipped} B min+gzip`);
  };
  const gz = 'B gz';
  const [braintree, adyen] = await Promise.all([
    bundle('braintree', BRAINTREE, benchDir),
    bundle('adyen', ADYEN, benchDir),
  ]);
  show(braintree);
  show(adyen);
  r.add(
    absolute('size', 'peer: braintree-web client+hosted-fields', braintree.gzipped, gz),
    absolute('size', 'peer: @adyen/adyen-web AdyenCheckout+CustomCard', adyen.gzipped, gz),
  );
  await r.part('size: SDK', async () => {
    const sdkEntry = hostEntry();
    if (!existsSync(sdkEntry)) throw new Error(`SDK entry not found: ${sdkEntry}`);
    const sdk = await bundle('sdk', `export * from ${JSON.stringify(sdkEntry)};`, benchDir);
    show(sdk);
    r.profile('size: SDK, largest inputs (minified bytes)', topLines(sdk));
    r.add(
      budget('size', 'SDK min+gzip', sdk.gzipped, gz, SDK_BUDGET, '8 KB'),
      atMost(
        {
          group: 'size',
          name: 'SDK vs Braintree',
          value: sdk.gzipped,
          unit: gz,
          against: 'braintree-web',
          againstValue: braintree.gzipped,
          note: `entry ${path.relative(hostDir, sdkEntry)}`,
        },
        1 / SMALLER_THAN_BRAINTREE,
        `≥ ${SMALLER_THAN_BRAINTREE}× smaller`,
      ),
      informs({
        group: 'size',
        name: 'SDK vs Adyen',
        value: sdk.gzipped,
        unit: gz,
        against: '@adyen/adyen-web',
        againstValue: adyen.gzipped,
      }),
    );
    const served = servedSize(path.join(hostDir, 'dist'));
    if (served !== null) r.add(absolute('size', 'SDK as served (host/dist, vite)', served, gz));
  });
  await r.part('size: frame', async () => {
    const frame = frameEntries();
    if (!frame.length) throw new Error(`frame entry not found in ${frameDir}`);
    const frameApp = await bundle('frame', importAll(frame), benchDir);
    show(frameApp);
    r.profile('size: frame app, largest inputs (minified bytes)', topLines(frameApp));
    r.add(
      absolute(
        'size',
        'frame app (JS + CSS) min+gzip',
        frameApp.gzipped,
        gz,
        `entries: ${frame.map((f) => path.relative(frameDir, f)).join(', ')}; ` +
          "peers' frames load from their CDNs, not from npm",
      ),
    );
    const served = servedSize(path.join(frameDir, 'dist'));
    if (served !== null) r.add(absolute('size', 'frame as served (frame/dist, vite)', served, gz));
  });
}
