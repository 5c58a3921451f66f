// `npm run build -w @pay/host`: everything in dist/, which stays flat (the gateway serves it
// at /sdk/v1/ and /sdk/v<version>/) and is what the npm package ships:
//   pay.js (+ three-d-secure-<hash>.js)  the script-tag SDK: defines the tags on load
//   index.js (+ lib-*.js)                 the package's entry: side-effect free, define()
//   define.js                             `@pay/host/define`: registers the tags on import
//   node.js                               the `node` condition: inert, for server rendering
//   index.d.ts, define.d.ts               bundled types (@pay/protocol inlined)
//   react.d.ts, vue.d.ts                  JSX typings, from custom-elements.json
//   custom-elements.json, integrity.json
// esbuild, not Vite: built with Vite (Rollup, esbuild minify, modulePreload off) pay.js is
// 7,487 B min+gzip against esbuild's 6,941 B, mostly Vite's dynamic-import preload helper,
// which the SDK's one lazy chunk (3-D Secure) doesn't need. The 8 KB budget has no room for it.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

process.chdir(new URL('..', import.meta.url).pathname);
rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  logLevel: 'warning',
  outdir: 'dist',
};
// The script-tag SDK, as before: minified, its 3-D Secure chunk beside it.
await build({
  ...common,
  entryPoints: { pay: 'src/pay.ts' },
  splitting: true,
  minify: true,
  chunkNames: '[name]-[hash]',
});
// The package's entry, for the merchant's bundler to minify: @pay/protocol bundled
// in (the published package depends on nothing). Its chunks are named apart from pay.js's.
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  splitting: true,
  chunkNames: 'lib-[name]-[hash]',
});
// The server's copy: no DOM anywhere.
await build({ ...common, entryPoints: { node: 'src/node.ts' }, platform: 'node' });
// One module instance: the tags are defined with the classes index.js exports.
writeFileSync('dist/define.js', "import { define } from './index.js';\n\ndefine();\n");

const bin = (name) => new URL(`../../../node_modules/.bin/${name}`, import.meta.url).pathname;
execFileSync(
  bin('dts-bundle-generator'),
  [
    '--silent',
    '--no-banner',
    '--project',
    'tsconfig.dts.json',
    '--inline-declare-global',
    '-o',
    'dist/index.d.ts',
    'src/index.ts',
  ],
  { stdio: 'inherit' },
);
writeFileSync(
  'dist/define.d.ts',
  "// Registers the <pay-*> tags; the types (and the tag and event maps) are the package's.\nimport './index.js';\nexport {};\n",
);
