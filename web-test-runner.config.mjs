// Component tests of the frame app and the host elements in Debian's Chromium.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import path from 'node:path';

/**
 * card-validator ships CommonJS only; Vite converts it for the real build. Here its entry is
 * served as one ES module bundled by esbuild.
 */
const commonJsEntries = {
  name: 'commonjs-entries',
  async transform(context) {
    if (!/\/node_modules\/card-validator\/dist\/index\.js$/.test(context.path)) return undefined;
    const result = await build({
      entryPoints: [path.resolve('.' + context.path)],
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'error',
    });
    return { body: result.outputFiles[0].text };
  },
};

export default {
  files: [
    'packages/frame/test/**/*.test.ts',
    'packages/protocol/test/**/*.test.ts',
    'packages/host/test/**/*.test.ts',
  ],
  nodeResolve: true,
  concurrency: 1,
  plugins: [
    commonJsEntries,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: [
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 5000 } },
};
