// A merchant's Vite app, as `npm create vite` would start it, with the two public wrappers:
// React pages in .tsx (esbuild's automatic JSX) and Vue single-file components whose templates
// use the raw <pay-*> tags too (compiled as custom elements through @pay/vue's options).
import vue from '@vitejs/plugin-vue';
import { compilerOptions } from '@pay/vue/compiler-options';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions } })],
  esbuild: { jsx: 'automatic' },
  logLevel: 'warn',
  build: {
    // Unminified, so the test can read how the templates were compiled.
    minify: false,
    rollupOptions: { input: { react: 'react.html', vue: 'vue.html' } },
  },
});
