import { defineConfig } from 'vite';

// The frame app: served by the gateway at /frame/v1/ under a CSP without inline script,
// so the build emits only external module scripts and stylesheets.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  esbuild: { target: 'es2022' },
});
