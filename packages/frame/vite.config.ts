import { defineConfig } from 'vite';
import { inlineFrameApp } from './inline-frame-app';

// The frame app: served by the gateway at /frame/v1/. Its entry script and stylesheet are
// inlined into index.html (one round trip); the gateway's CSP allows them by hash only.
export default defineConfig({
  base: './',
  mode: 'production',
  plugins: [inlineFrameApp()],
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
      output: {
        // The card rules, imported dynamically, get a name of their own (tests hold it back).
        manualChunks: (id) =>
          /\/node_modules\/(card-validator|credit-card-type)\//.test(id) ? 'card-rules' : undefined,
      },
    },
  },
  esbuild: { target: 'es2022' },
});
