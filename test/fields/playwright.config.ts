import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/chromium.js';

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
  // Typing-heavy cases take 15-20 s when the 2 shared cores are busy: a timeout is no finding.
  timeout: 60_000,
  // One retry, as the engine suite does: a case that passes only on its retry is listed as
  // flaky in the report, not hidden. (A field found hidden after pay-ready, 2 of 84 runs under
  // heavy load, not reproduced with the lifecycle instrumented: see the issue notes.)
  retries: 1,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    screenshot: 'off',
    trace: 'off',
    video: 'off',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
  },
});
