// `npm run build -w @pay/demo`: the shop's browser bundles in dist/assets/, production builds:
//   checkout.js         the plain checkout's script (the SDK comes from the gateway's pay.js)
//   react-checkout.js   the React checkout, @pay/react and the SDK bundled in
//   vue-checkout.js     the Vue checkout, @pay/vue and the SDK bundled in
import { build } from 'esbuild';

process.chdir(new URL('..', import.meta.url).pathname);
await build({
  entryPoints: {
    checkout: 'src/browser/checkout.ts',
    'react-checkout': 'src/react/main.tsx',
    'vue-checkout': 'src/vue/main.ts',
  },
  outdir: 'dist/assets',
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  logLevel: 'warning',
  define: {
    'process.env.NODE_ENV': '"production"',
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
});
