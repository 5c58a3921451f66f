import { defineConfig } from '@playwright/test';

/**
 * Cross-origin tests of the card fields: the merchant pages on http://127.0.0.1, the real
 * gateway (serving the built frames and SDK) on http://localhost, a third origin on 127.0.0.1
 * again, another port. global-setup.ts builds packages/{frame,host}/dist and starts the
 * servers, on ports the system picks.
 */
// Rule 3 in docs/architecture.md: no page snapshot in error-context.md on failure; it would hold the typed test cards.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    screenshot: 'off',
    trace: 'off',
    video: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
