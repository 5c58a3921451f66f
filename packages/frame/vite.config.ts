import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** A path of this package, whatever the working directory of the build. */
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// The frame's app chunk and the chunks it loads (the card rules, other languages), served by the
// gateway at /frame/v1/assets/. The documents that load it, one per kind and locale with the
// field drawn and the entry script inlined, are written after this by
// scripts/build-documents.ts, which reads the manifest for the app chunk's name.
export default defineConfig({
  base: './',
  mode: 'production',
  // Shoppers get Lit's production build whatever NODE_ENV the shell has: Vite would pick the
  // packages' `development` exports (Lit's dev build, 14 KB more and a console warning) when
  // NODE_ENV is `development` or `test`.
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      // The app the documents' inline entry loads (and calls startApp of).
      input: { app: here('src/app.ts') },
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
