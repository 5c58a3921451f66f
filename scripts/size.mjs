// `npm run size`: min+gzip size of what a merchant page loads (the SDK), of the frame app and of
// the React and Vue wrappers, bundled with esbuild --minify --splitting and gzip -9; fails above
// the budgets. Code behind a dynamic import() (e.g. the 3-D Secure dialog) is a lazy chunk:
// printed, not counted.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// The wrappers' own code: React, Vue and the SDK they sit on are counted elsewhere (or are the
// app's), so they are left out.
const WRAPPED = ['react', 'react-dom', 'vue', '@pay/host'];
const BUDGETS = [
  { name: 'SDK (pay.js)', entry: 'packages/host/src/pay.ts', budget: 8 * 1024 },
  // The frame's inline entry, and the app it loads once it has said hello: both before the
  // field is the app's, so both are counted.
  {
    name: 'frame app',
    entry: 'packages/frame/src/main.ts',
    alsoEager: ['packages/frame/src/app.ts'],
    budget: 25 * 1024,
  },
  { name: '@pay/react', entry: 'packages/react/src/index.ts', budget: 2 * 1024, external: WRAPPED },
  { name: '@pay/vue', entry: 'packages/vue/src/index.ts', budget: 2 * 1024, external: WRAPPED },
];

const OUT = path.resolve('.size-out'); // never written

/** The entry and every chunk it imports statically: what loads before the module runs. */
function eagerOutputs(metafile, entryOutput) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { path: p, kind } of metafile.outputs[file]?.imports ?? []) {
      if (kind === 'import-statement' && metafile.outputs[p]) visit(p);
    }
  };
  visit(entryOutput);
  return seen;
}

const row = (label, min, gz, extra = '') =>
  `${label.padEnd(19)} ${String(min).padStart(7)} B min  ${String(gz).padStart(6)} B min+gzip${extra}`;

let failed = false;
for (const { name, entry, alsoEager = [], budget, external = [], plugins = [] } of BUDGETS) {
  const result = await build({
    entryPoints: [entry, ...alsoEager],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir: OUT,
    metafile: true,
    write: false,
    external,
    plugins,
    logLevel: 'error',
    tsconfigRaw: {
      compilerOptions: { experimentalDecorators: false, useDefineForClassFields: false },
    },
  });
  const rel = (file) => path.relative(process.cwd(), file);
  // A dynamic import's target is listed as an entry point too: the real entry is the other one.
  const outputs = Object.entries(result.metafile.outputs);
  const lazyTargets = new Set(
    outputs.flatMap(([, o]) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    ),
  );
  const entryOutput = outputs.find(([file, o]) => o.entryPoint && !lazyTargets.has(file))[0];
  const eager = eagerOutputs(result.metafile, entryOutput);
  for (const also of alsoEager) {
    const output = outputs.find(([, o]) => o.entryPoint === also)?.[0];
    if (!output) throw new Error(`size: no output for ${also}`);
    for (const file of eagerOutputs(result.metafile, output)) eager.add(file);
  }
  let min = 0;
  let gz = 0;
  const lazy = [];
  for (const file of result.outputFiles) {
    const size = gzipSync(file.contents, { level: 9 }).length;
    if (eager.has(rel(file.path))) {
      min += file.contents.length;
      gz += size;
    } else {
      // Named for the module it starts from: a package's name when it is one.
      const from = result.metafile.outputs[rel(file.path)]?.entryPoint ?? file.path;
      const label = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(from)?.[1] ?? path.basename(from);
      lazy.push([label, file.contents.length, size]);
    }
  }
  const ok = gz <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${row(name, min, gz, `  (budget ${budget} B)`)}`);
  for (const [file, lazyMin, lazyGz] of lazy) {
    console.log(`     ${row(`  lazy ${file}`, lazyMin, lazyGz, '  (loaded on demand)')}`);
  }
}

// What shoppers get does not depend on the shell: the frame built with NODE_ENV=development is
// Lit's production build all the same (no dev-mode warning, no dev-only checks).
{
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  const outDir = mkdtempSync(path.join(tmpdir(), 'pay-frame-dev-env-'));
  try {
    await viteBuild({
      configFile: path.resolve('packages/frame/vite.config.ts'),
      root: path.resolve('packages/frame'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
    });
    // The app and its chunks, where Lit is (the documents' inline entry has none of it).
    const code = readdirSync(path.join(outDir, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(outDir, 'assets', file), 'utf8'))
      .join('\n');
    const dev = code.includes('Lit is in dev mode');
    failed ||= dev;
    console.log(
      `${dev ? 'FAIL' : 'ok  '} frame built with NODE_ENV=development: Lit ${dev ? 'dev' : 'production'} build`,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

// The SDK is one build whatever the shell says: esbuild (packages/host/scripts/build.mjs) reads
// no NODE_ENV, and nothing in pay.js or its chunks branches on one at run time.
{
  const dir = 'packages/host/dist';
  const files = readdirSync(dir).filter((f) => f === 'pay.js' || /^three-d-secure-.*\.js$/.test(f));
  const env = files.filter((f) =>
    /process\.env|NODE_ENV/.test(readFileSync(path.join(dir, f), 'utf8')),
  );
  failed ||= !files.length || env.length > 0;
  console.log(
    `${!files.length || env.length ? 'FAIL' : 'ok  '} SDK ${files.join(', ') || '(not built)'}: ` +
      (env.length ? `reads NODE_ENV in ${env.join(', ')}` : 'no NODE_ENV-dependent code'),
  );
}

if (failed) {
  console.error('size: over budget, or a development build');
  process.exit(1);
}
