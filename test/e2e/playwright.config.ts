// End-to-end: a customer in Chromium on the shop (127.0.0.1) paying through the gateway's frames
// (localhost). Servers are real processes started in global-setup.ts, on ports the system picks.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { SHOP_URL } from './env.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/chromium.js';

// No aria snapshot of a failing page in error-context.md: it would hold what the frames show.
process.env.PLAYWRIGHT_NO_COPY_PROMPT = '1';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: fileURLToPath(new URL('../../test-results/e2e', import.meta.url)),
  globalSetup: './global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    // Set in the workers, which load this file after global setup put the address in the env.
    baseURL: SHOP_URL || undefined,
    browserName: 'chromium',
    viewport: { width: 1100, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
    // No traces or videos: they would record the test card numbers typed into the frames.
    trace: 'off',
    video: 'off',
    screenshot: 'off',
  },
});
