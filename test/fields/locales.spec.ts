// Languages and right to left, across two origins: the group's `locale` reaches the frames,
// which load only their language's strings, name their inputs and errors in it, set `lang`
// and `dir` on their documents, and keep the card digits left to right on an RTL page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, type Frame, type Page } from '@playwright/test';
import { GATEWAY, HOST } from './servers.js';
import { frameOf } from './steps.js';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

async function open(page: Page, path: string, groups = ['group']): Promise<void> {
  await page.goto(HOST + path);
  await page.waitForFunction(
    (ids) =>
      ids.every((g) => window.payEvents.some((e) => e.type === 'pay-ready' && e.target === g)),
    groups,
  );
}

/** The frame document of a field, for evaluate() (axe, computed styles). */
async function frameDocument(page: Page, field: string): Promise<Frame> {
  const handle = await page.locator(`#${field} > iframe`).elementHandle();
  const frame = await handle!.contentFrame();
  return frame!;
}

/** axe-core in the frame's document, run through the DevTools protocol (the frame's CSP allows no inline script). */
async function axeViolations(frame: Frame | Page): Promise<string[]> {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: { id: string }[] }> };
      }
    ).axe;
    // WCAG rules: best practices for whole pages (one <main>, an <h1>) do not apply to a
    // frame that holds one field.
    const result = await axe.run(document, {
      iframes: false, // each frame is checked in its own document
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => v.id);
  });
}

test('a French group: French placeholders, labels, errors and iframe titles, a lang="fr" frame', async ({
  page,
}) => {
  await open(page, '/french.html');
  const number = frameOf(page, 'number').locator('input#number');
  await expect(number).toHaveAttribute('placeholder', '1234 1234 1234 1234');
  await expect(number).toHaveAttribute('aria-label', 'Numéro de carte');
  await expect(frameOf(page, 'expiry').locator('input#expiry')).toHaveAttribute(
    'placeholder',
    'MM / AA',
  );
  await expect(frameOf(page, 'expiry').locator('input#expiry')).toHaveAttribute(
    'aria-label',
    'Date d’expiration (MM / AA)',
  );
  await expect(frameOf(page, 'cvc').locator('input#cvc')).toHaveAttribute(
    'aria-label',
    'Code de sécurité',
  );
  await expect(frameOf(page, 'name').locator('input#name')).toHaveAttribute(
    'placeholder',
    'Nom complet',
  );
  await expect(frameOf(page, 'number').locator('html')).toHaveAttribute('lang', 'fr');
  await expect(frameOf(page, 'number').locator('html')).toHaveAttribute('dir', 'ltr');
  // The host titles the iframes with the names the frames give, in French.
  await expect(page.locator('#number > iframe')).toHaveAttribute('title', 'Numéro de carte');
  await expect(page.locator('#cvc > iframe')).toHaveAttribute('title', 'Code de sécurité');

  await number.click();
  await number.pressSequentially('4242 4242');
  await frameOf(page, 'expiry').locator('input#expiry').click();
  await expect(frameOf(page, 'number').locator('#number-error')).toHaveText(
    'Le numéro de carte est incomplet.',
  );
  // The code is the same in every language; the message the host gets is French.
  const outcome = await page.evaluate(() => window.tokenizeGroup('group'));
  expect(outcome).toMatchObject({
    ok: false,
    code: 'incomplete_number',
    message: 'Le numéro de carte est incomplet.',
  });
  expect(await axeViolations(await frameDocument(page, 'number'))).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
});

test('the French frames fetch no catalog: their strings come in their documents', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(GATEWAY) && request.resourceType() === 'script')
      scripts.push(request.url());
  });
  await open(page, '/french.html');
  // Each frame document is served in French, strings included: wait for every app to load.
  for (const part of ['number', 'expiry', 'cvc', 'name'])
    await expect(
      frameOf(page, part).locator('pay-card-form:not([defer-hydration])'),
    ).toBeAttached();
  expect(scripts.some((url) => /\/assets\/app-[\w-]+\.js$/.test(url))).toBe(true);
  const catalogs = scripts.filter((url) =>
    /\/assets\/(fr|de|es|it|nl|pt|pl|sv|ja|ar)-[\w-]+\.js$/.test(url),
  );
  expect(catalogs).toEqual([]);
});

test('fallback: fr-CA speaks French, an unknown or hostile locale English', async ({ page }) => {
  await open(page, '/french.html');
  const number = frameOf(page, 'number').locator('input#number');
  const html = frameOf(page, 'number').locator('html');
  for (const [locale, lang, label] of [
    ['fr-CA', 'fr', 'Numéro de carte'],
    ['xx', 'en', 'Card number'],
    ['de-AT', 'de', 'Kartennummer'],
    ['../../evil', 'en', 'Card number'],
    ['auto', 'en', 'Card number'], // the page's <html lang="en">
  ] as const) {
    await page
      .locator('#group')
      .evaluate((group, value) => group.setAttribute('locale', value), locale);
    await expect(html, locale).toHaveAttribute('lang', lang);
    await expect(number, locale).toHaveAttribute('aria-label', label);
  }
});

test('merchant overrides: group.messages replaces single strings, the rest stays French', async ({
  page,
}) => {
  await open(page, '/french.html');
  await page.locator('#group').evaluate((group) => {
    (group as HTMLElement & { messages: object }).messages = {
      incomplete_number: 'Il manque des chiffres à votre numéro de carte.',
      cvc_placeholder: 'Cryptogramme',
      not_a_key: 'ignored',
    };
  });
  await expect(frameOf(page, 'cvc').locator('input#cvc')).toHaveAttribute(
    'placeholder',
    'Cryptogramme',
  );
  const number = frameOf(page, 'number').locator('input#number');
  await expect(number).toHaveAttribute('aria-label', 'Numéro de carte');
  await number.click();
  await number.pressSequentially('4242');
  await frameOf(page, 'cvc').locator('input#cvc').click();
  await expect(frameOf(page, 'number').locator('#number-error')).toHaveText(
    'Il manque des chiffres à votre numéro de carte.',
  );
  expect(await axeViolations(await frameDocument(page, 'number'))).toEqual([]);
});

test('an Arabic page: RTL frames, the card number stays LTR, types and tokenizes', async ({
  page,
}) => {
  await open(page, '/arabic.html', ['group', 'combined-group']);
  const numberFrame = await frameDocument(page, 'number');
  await expect(frameOf(page, 'number').locator('html')).toHaveAttribute('lang', 'ar');
  await expect(frameOf(page, 'number').locator('html')).toHaveAttribute('dir', 'rtl');
  const number = frameOf(page, 'number').locator('input#number');
  await expect(number).toHaveAttribute('aria-label', 'رقم البطاقة');
  await expect(number).toHaveAttribute('dir', 'ltr');
  expect(await number.evaluate((input) => getComputedStyle(input).direction)).toBe('ltr');
  expect(await number.evaluate((input) => getComputedStyle(input).unicodeBidi)).toBe('isolate');
  // The error line follows the page: right to left.
  expect(
    await frameOf(page, 'number')
      .locator('#number-error')
      .evaluate((el) => getComputedStyle(el).direction),
  ).toBe('rtl');

  await number.click();
  await number.pressSequentially('4242424242424242');
  await expect(number).toHaveValue('4242 4242 4242 4242');
  // The caret is at the end of the digits, as in an LTR field; typing in the middle works too.
  expect(await number.evaluate((input) => (input as HTMLInputElement).selectionStart)).toBe(19);
  await frameOf(page, 'expiry').locator('input#expiry').click();
  await frameOf(page, 'expiry').locator('input#expiry').pressSequentially('1234');
  await expect(frameOf(page, 'expiry').locator('input#expiry')).toHaveValue('12 / 34');
  expect(
    await frameOf(page, 'expiry')
      .locator('input#expiry')
      .evaluate((input) => getComputedStyle(input).direction),
  ).toBe('ltr');
  await frameOf(page, 'cvc').locator('input#cvc').click();
  await frameOf(page, 'cvc').locator('input#cvc').pressSequentially('123');
  const outcome = await page.evaluate(() => window.tokenizeGroup('group'));
  expect(outcome).toMatchObject({ ok: true, result: { card: { brand: 'visa', last4: '4242' } } });

  // The combined field: its group of inputs is named in Arabic, its inputs LTR too.
  const card = frameOf(page, 'card');
  await expect(card.getByRole('group', { name: 'بيانات البطاقة' })).toBeVisible();
  for (const part of ['number', 'expiry', 'cvc']) {
    await expect(card.locator(`input#${part}`)).toHaveAttribute('dir', 'ltr');
  }
  await expect(page.locator('#card > iframe')).toHaveAttribute('title', 'بيانات البطاقة');

  expect(await axeViolations(numberFrame)).toEqual([]);
  expect(await axeViolations(await frameDocument(page, 'card'))).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
});

test('dir="rtl" on an ancestor makes an English group RTL, digits still LTR', async ({ page }) => {
  await open(page, '/french.html');
  await page.locator('main').evaluate((main) => main.setAttribute('dir', 'rtl'));
  await page.locator('#group').evaluate((group) => group.setAttribute('locale', 'en'));
  await expect(frameOf(page, 'number').locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(frameOf(page, 'number').locator('html')).toHaveAttribute('lang', 'en');
  expect(
    await frameOf(page, 'number')
      .locator('input#number')
      .evaluate((input) => getComputedStyle(input).direction),
  ).toBe('ltr');
});
