import { defineConfig } from '@playwright/test';

/**
 * Cross-origin tests of the card fields: the merchant page on http://127.0.0.1:8802, the real
 * gateway (serving the built frames and SDK) on http://localhost:8801, a third origin on :8803.
 * The gateway serves packages/{frame,host}/dist, built by the first web server command.
 */
// Rule 3 in docs/architecture.md: no page snapshot in error-context.md on failure; it would hold the typed test cards.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
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
  webServer: [
    {
      // Build first so the gateway serves the current frames and SDK.
      command:
        'npm run build -w @pay/frame -w @pay/host -w @pay/react -w @pay/vue && node test/fields/start-gateway.mjs 8801',
      cwd: '../..',
      url: 'http://localhost:8801/healthz',
      reuseExistingServer: false,
      timeout: 60_000,
      // SIGTERM, so the script stops the gateway and removes its data directory.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      command: 'node test/fields/host-server.mjs',
      cwd: '../..',
      url: 'http://127.0.0.1:8802/healthz',
      reuseExistingServer: false,
    },
  ],
});
