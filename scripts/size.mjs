// `npm run size`: min+gzip size of what a merchant page loads (the SDK) and of the frame app,
// bundled with esbuild --minify and gzip -9; fails above the budgets.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  { name: 'SDK (pay.js)', entry: 'packages/host/src/index.ts', budget: 8 * 1024 },
  { name: 'frame app', entry: 'packages/frame/src/main.ts', budget: 25 * 1024 },
];

let failed = false;
for (const { name, entry, budget } of BUDGETS) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    tsconfigRaw: {
      compilerOptions: { experimentalDecorators: false, useDefineForClassFields: false },
    },
  });
  const code = result.outputFiles[0].contents;
  const gzipped = gzipSync(code, { level: 9 }).length;
  const ok = gzipped <= budget;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(14)} ${String(code.length).padStart(7)} B min  ${String(gzipped).padStart(6)} B min+gzip  (budget ${budget} B)`,
  );
}
if (failed) {
  console.error('size: over budget');
  process.exit(1);
}
