// Family 1, prefix bits: while a number that may still grow (a brand with several lengths) is
// typed, nothing the merchant page hears may depend on the digits typed so far. A `complete`
// that comes and goes with each prefix passing Luhn would tell the page a checksum bit (and
// the typed length) at those points. The number settles on blur, on submit, or at the brand's
// longest length; auto-advance leaves the number only then.
import type { Browser, Page } from '@playwright/test';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';

/** Valid numbers whose shorter lengths of the brand also pass Luhn (checked below). */
export const GROWING_NUMBERS = [
  // Maestro takes 12 to 19 digits: the 13- and 15-digit prefixes pass Luhn, and so do 16.
  { brand: 'Maestro', number: '6759000000005009', passing: [13, 15], longest: false },
  // Visa takes 16, 18 or 19: the 16- and 18-digit prefixes pass.
  { brand: 'Visa', number: '4111000000000008004', passing: [16, 18], longest: true },
  // Discover takes 16 or 19: the 16-digit prefix passes.
  { brand: 'Discover', number: '6011000000000004003', passing: [16], longest: true },
] as const;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

interface Heard {
  complete: boolean;
  valid: boolean;
  error?: { code: string };
}

const comparable = (d: Heard) => JSON.stringify([d.complete, d.valid, d.error?.code ?? null]);

async function open(
  browser: Browser,
  url: string,
): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => {
    const heard: unknown[] = [];
    (window as unknown as { heard: unknown[] }).heard = heard;
    document
      .querySelector('pay-card-number')!
      .addEventListener('pay-change', (e) => heard.push((e as CustomEvent).detail));
  });
  return { page, close: () => context.close() };
}

const heardSoFar = (page: Page) =>
  page.evaluate(() => (window as unknown as { heard: Heard[] }).heard.slice());

/** Whether the number frame's document has the page's focus. */
const numberHasFocus = (page: Page) =>
  page
    .frameLocator('pay-card-number iframe')
    .locator('input')
    .evaluate(() => document.hasFocus());

export async function prefixBits(
  browser: Browser,
  merchant: PageServer,
  result: Attempts,
): Promise<void> {
  for (const { brand, number, passing, longest } of GROWING_NUMBERS) {
    const sane = luhn(number) && passing.every((length) => luhn(number.slice(0, length)));
    result.check(
      `prefix bits: the ${brand} test number is what it claims`,
      sane,
      'bad test number',
    );

    // Digit by digit: what the page heard before the last digit (and, when the number can still
    // grow, after it) must be one and the same state.
    const { page, close } = await open(browser, `${merchant.origin}/split.html`);
    try {
      const input = page.frameLocator('pay-card-number iframe').locator('input');
      await input.click({ timeout: 20_000 });
      const unsettled = longest ? number.length - 1 : number.length;
      for (const digit of number.slice(0, unsettled)) await input.press(digit);
      await page.waitForTimeout(300);
      const whileTyping = await heardSoFar(page);
      const states = new Set(whileTyping.map(comparable));
      result.check(
        `prefix bits: ${brand}, every prefix reads the same (complete, valid, error)`,
        states.size === 1 &&
          !whileTyping.some((d) => d.complete || d.error?.code === 'invalid_number'),
        `the page heard ${states.size} different states: ${[...states].join(' ')}`,
      );
      if (longest) {
        await input.press(number.at(-1)!);
        await page.waitForTimeout(300);
      } else {
        await page.frameLocator('pay-card-expiry iframe').locator('input').click();
        await page.waitForTimeout(300);
      }
      const settled = (await heardSoFar(page)).at(-1);
      result.check(
        `prefix bits: ${brand}, complete once settled (${longest ? 'at its longest length' : 'on blur'})`,
        settled?.complete === true && settled.valid && !settled.error,
        `settled as ${JSON.stringify(settled)}`,
      );
    } finally {
      await close();
    }

    // auto-advance: focus stays in the number until every digit is in.
    const advancing = await open(browser, `${merchant.origin}/split-advance.html`);
    try {
      const { page } = advancing;
      const input = page.frameLocator('pay-card-number iframe').locator('input');
      await input.click({ timeout: 20_000 });
      let left = -1;
      for (let i = 0; i < number.length; i++) {
        await input.press(number[i]!);
        if (i < number.length - 1) {
          await page.waitForTimeout(60);
          if (left < 0 && !(await numberHasFocus(page))) left = i + 1;
        }
      }
      await page.waitForTimeout(300);
      const typed = (await input.inputValue()).replace(/\D/g, '');
      const expiry = await page
        .frameLocator('pay-card-expiry iframe')
        .locator('input')
        .inputValue();
      result.check(
        `prefix bits: ${brand} with auto-advance, focus stays in the number until all digits are typed`,
        left < 0 && typed === number && expiry === '',
        left >= 0
          ? `focus left the number after ${left} of ${number.length} digits`
          : `the number holds ${typed.length} digits, the expiry ${expiry.length} characters`,
      );
      if (longest) {
        result.check(
          `prefix bits: ${brand} with auto-advance, focus moves on once the number is complete`,
          !(await numberHasFocus(page)),
          'focus stayed in the complete number',
        );
      }
    } finally {
      await advancing.close();
    }
  }
}
