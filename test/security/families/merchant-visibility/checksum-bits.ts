// Family 1, checksum bits: while a card number of a brand with several lengths is typed, the
// merchant page must not see `invalid_number` come and go with each digit. That flip would
// tell it whether each prefix passes Luhn (a bit of the number per digit) and show the
// customer "Your card number is invalid." halfway through a valid card.
import type { Browser } from '@playwright/test';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';

interface Typed {
  /** What the merchant page heard from the number field while the digits went in. */
  whileTyping: { valid: boolean; error?: { code: string } }[];
  /** The number field's state after the customer left it. */
  afterBlur: { valid: boolean; error?: { code: string } };
}

async function typeNumber(browser: Browser, merchant: PageServer, number: string): Promise<Typed> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${merchant.origin}/split.html`);
    await page.evaluate(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      document
        .querySelector('pay-card-number')!
        .addEventListener('pay-change', (e) => heard.push((e as CustomEvent).detail));
    });
    const input = page.frameLocator('pay-card-number iframe').locator('input');
    await input.pressSequentially(number, { timeout: 20_000 });
    await page.waitForTimeout(300);
    const whileTyping = await page.evaluate(() =>
      (window as unknown as { heard: Typed['whileTyping'] }).heard.slice(),
    );
    await page.frameLocator('pay-card-expiry iframe').locator('input').click();
    await page.waitForFunction(() => (window as unknown as { heard: unknown[] }).heard.length > 0);
    await page.waitForTimeout(300);
    const afterBlur = await page.evaluate(
      () =>
        (document.querySelector('pay-card-number') as HTMLElement & { state: Typed['afterBlur'] })
          .state,
    );
    return { whileTyping, afterBlur };
  } finally {
    await context.close();
  }
}

export async function checksumBits(
  browser: Browser,
  merchant: PageServer,
  result: Attempts,
): Promise<void> {
  // Valid 19-digit cards whose shorter complete-length prefixes fail Luhn.
  for (const [brand, number] of [
    ['Visa', '4111111000000000007'],
    ['Maestro', '5018000000000000007'],
  ] as const) {
    const typed = await typeNumber(browser, merchant, number);
    const flips = typed.whileTyping.filter((d) => !d.valid || d.error);
    result.check(
      `checksum bits: a valid 19-digit ${brand} never reads invalid while typed`,
      flips.length === 0 && typed.afterBlur.valid && !typed.afterBlur.error,
      `${flips.length} of ${typed.whileTyping.length} pay-change events said invalid; after blur ${JSON.stringify(typed.afterBlur)}`,
    );
  }
  // 16 digits failing Luhn: unfinished while typed, wrong once the customer leaves the field.
  const wrong = await typeNumber(browser, merchant, '4242424242424241');
  result.check(
    'checksum bits: a Visa failing Luhn at 16 digits is invalid_number only after blur',
    wrong.whileTyping.every((d) => d.valid && !d.error) &&
      wrong.afterBlur.error?.code === 'invalid_number' &&
      !wrong.afterBlur.valid,
    `while typing ${JSON.stringify(wrong.whileTyping.at(-1))}, after blur ${JSON.stringify(wrong.afterBlur)}`,
  );
}
