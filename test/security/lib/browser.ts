// Chromium from Debian (/usr/bin/chromium) through Playwright's library API.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { attack } from './results.js';
import { CHROMIUM_ARGS } from '../../harness/chromium.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

/**
 * A browser family without Chromium: one failed case saying so, rather than a skip a green
 * run would hide. Returns false when Chromium is there and the family's cases can register.
 */
export function failWithoutChromium(): boolean {
  if (existsSync(CHROMIUM)) return false;
  attack('Chromium available', async (result) =>
    result.record('Chromium available', `no Chromium at ${CHROMIUM} (CHROMIUM_PATH)`),
  );
  return true;
}
