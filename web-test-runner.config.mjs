// Component tests of the frame app and the host elements in three engines: Debian's Chromium
// (Playwright), Firefox ESR (puppeteer over WebDriver BiDi) and WebKitGTK (WebKitWebDriver).
// TEST_ENGINES=chromium,firefox picks some of them; the default is all three.
import { chromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';
import { startWebKitDriver, webkitCapabilities } from './test/browsers/webkit-driver.mjs';
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

const engines = (process.env.TEST_ENGINES ?? 'chromium,firefox,webkit').split(',');

const launchers = {
  chromium: async () =>
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
  firefox: async () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
    }),
  webkit: async () => {
    const { hostname, port } = await startWebKitDriver();
    return webdriverLauncher({ hostname, port, path: '/', capabilities: webkitCapabilities });
  },
};
for (const engine of engines) {
  if (!launchers[engine])
    throw new Error(`TEST_ENGINES: no engine "${engine}" (chromium, firefox, webkit)`);
}

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
  browsers: await Promise.all(engines.map((engine) => launchers[engine]())),
  // Generous limits: the first axe run of a file and a cold Firefox start take seconds when the
  // machine is busy (2 shared cores), and a timeout here is not a finding.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testFramework: { config: { timeout: 20_000 } },
};
