import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { inlineFrameApp } from './inline-frame-app';

/** A path of this package, whatever the working directory of the build. */
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// The frame: served by the gateway at /frame/v1/. Its small entry script and its stylesheet are
// inlined into index.html (one round trip to a handshake); the entry loads the app chunk. The
// gateway's CSP allows the inline blocks by hash only.
export default defineConfig({
  base: './',
  mode: 'production',
  plugins: [inlineFrameApp({ entry: here('src/main.ts') })],
  // Shoppers get Lit's production build whatever NODE_ENV the shell has: Vite would pick the
  // packages' `development` exports (Lit's dev build, 14 KB more and a console warning) when
  // NODE_ENV is `development` or `test`.
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      // The document, and the app its inline entry script loads (and calls startApp of).
      input: { index: here('index.html'), app: here('src/app.ts') },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: 'assets/app-[hash].js',
        // The card rules, imported dynamically, get a name of their own (tests hold it back).
        manualChunks: (id) =>
          /\/node_modules\/(card-validator|credit-card-type)\//.test(id) ? 'card-rules' : undefined,
      },
    },
  },
  esbuild: { target: 'es2022' },
});
