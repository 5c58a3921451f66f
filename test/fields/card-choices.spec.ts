// Issue 14, items 3-5, across two origins: accepted-brands refuses a brand while it is typed
// and in tokenize(); a co-badged card offers both networks, chosen by keyboard alone, and the
// choice reaches the token and the payment; preferred-network preselects; auto-advance moves
// focus only when set. axe checks the frame in every new state.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { test, expect, type Frame, type Page } from '@playwright/test';
import { GATEWAY, HOST } from './servers.js';
import { frameOf, typeInto } from './steps.js';

interface PayEvent {
  type: string;
  target: string;
  detail: Record<string, unknown>;
}

type Outcome =
  | {
      ok: true;
      result: {
        token: string;
        card: { brand: string; networks: { available: string[]; preferred: string | null } };
      };
    }
  | { ok: false; code: string; message: string };

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${HOST}/choices.html${query}`);
  await page.waitForFunction(() =>
    (window as unknown as { payEvents: PayEvent[] }).payEvents.some(
      (e) => e.type === 'pay-ready' && e.target === 'group',
    ),
  );
}

function frameWindow(page: Page, field: string): Frame {
  const found = page.frames().find((f) => f.url().includes(`/${field}.html`));
  if (!found) throw new Error(`no ${field} frame`);
  return found;
}

const tokenize = (page: Page): Promise<Outcome> =>
  page.evaluate(() =>
    (window as unknown as { tokenizeGroup(id: string): Promise<Outcome> }).tokenizeGroup('group'),
  );

const lastChange = (page: Page, field: string) =>
  page.evaluate(
    (target) =>
      (window as unknown as { payEvents: PayEvent[] }).payEvents
        .filter((e) => e.type === 'pay-change' && e.target === target)
        .at(-1)?.detail,
    field,
  );

/** axe-core in the frame's own document (evaluated, as the frame's CSP allows no other script). */
async function expectNoAxeViolations(page: Page, field: string): Promise<void> {
  const target = frameWindow(page, field);
  await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; help: string }[] }>;
        };
      }
    ).axe;
    // WCAG A and AA: page rules (one main landmark, an h1) are for the merchant's page, not
    // for a field's frame document.
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
  expect(violations).toEqual([]);
}

async function pay(token: string) {
  const answer = await fetch(`${GATEWAY}/v1/payments`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_fields', 'content-type': 'application/json' },
    body: JSON.stringify({ amount: 10, currency: 'eur', token }),
  });
  return { status: answer.status, body: (await answer.json()) as { card: { network: string } } };
}

async function fillRest(page: Page): Promise<void> {
  await typeInto(page, 'expiry', '1234');
  await typeInto(page, 'cvc', '123');
  await typeInto(page, 'name', 'Jane Doe');
}

for (const as of ['attribute', 'property'] as const) {
  test(`accepted-brands="visa" (as ${as}) refuses a Mastercard while typed and in tokenize()`, async ({
    page,
  }) => {
    await open(page, `?accepted-brands=visa${as === 'property' ? '&as=property' : ''}`);
    // The brand shows within the first digits: refused at once, before the number is complete.
    await typeInto(page, 'number', '5555 5555');
    const number = frameOf(page, 'number');
    await expect(number.locator('#number-error')).toHaveText(
      "Your card brand isn't accepted here.",
    );
    await expect(number.locator('input#number')).toHaveAttribute('aria-invalid', 'true');
    await expect(number.locator('svg.brand')).toHaveAttribute('data-unsupported', 'true');
    await expect
      .poll(() => lastChange(page, 'number'))
      .toMatchObject({
        valid: false,
        brand: 'mastercard',
        error: { code: 'unsupported_brand' },
      });
    await number.locator('input#number').pressSequentially('55554444');
    await fillRest(page);
    await expectNoAxeViolations(page, 'number');
    const outcome = await tokenize(page);
    expect(outcome).toMatchObject({ ok: false, code: 'unsupported_brand' });

    // A Visa in the same group goes through.
    await number.locator('input#number').fill('');
    await typeInto(page, 'number', '4242424242424242');
    await expect(number.locator('#number-error')).toHaveText('');
    await expect(number.locator('svg.brand')).toHaveAttribute('data-unsupported', 'false');
    const visa = await tokenize(page);
    expect(visa).toMatchObject({ ok: true, result: { card: { brand: 'visa' } } });
  });
}

test('without accepted-brands every brand is accepted; unknown names are ignored with a warning', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await open(page, '?accepted-brands=visa%20mastercrad');
  expect(
    await page.evaluate(
      () =>
        (document.querySelector('#group') as unknown as { acceptedBrands: unknown }).acceptedBrands,
    ),
  ).toEqual(['visa']);
  expect(warnings.join('\n')).toContain('accepted-brands ignores mastercrad');
  await open(page);
  await typeInto(page, 'number', '5555555555554444');
  await fillRest(page);
  expect(await tokenize(page)).toMatchObject({
    ok: true,
    result: { card: { brand: 'mastercard' } },
  });
});

for (const [number, brand, keys, chosen] of [
  ['4000002600005001', 'visa', ['Space'], 'cartes_bancaires'],
  ['5555552500001001', 'mastercard', ['ArrowDown'], 'mastercard'],
] as const) {
  test(`co-badged ${number.slice(0, 4)}…${number.slice(-4)}: both networks offered, chosen by keyboard, in the token and the payment`, async ({
    page,
  }) => {
    await open(page);
    await typeInto(page, 'number', number);
    const numberFrame = frameOf(page, 'number');
    const choice = numberFrame.getByRole('group', { name: 'Choose the card network' });
    await expect(choice).toBeVisible();
    const radios = choice.getByRole('radio');
    await expect(radios).toHaveCount(2);
    await expect(choice.getByRole('radio', { name: 'Cartes Bancaires' })).not.toBeChecked();
    const other = brand === 'visa' ? 'Visa' : 'Mastercard';
    await expect(choice.getByRole('radio', { name: other })).not.toBeChecked();
    // The page hears network names, nothing chosen on the shopper's behalf, no digits.
    await expect
      .poll(() => lastChange(page, 'number'))
      .toMatchObject({
        complete: true,
        valid: true,
        brand,
        networks: ['cartes_bancaires', brand],
      });
    const detail = await lastChange(page, 'number');
    expect(detail).not.toHaveProperty('preferredNetwork');
    expect(JSON.stringify(detail)).not.toMatch(/\d/);
    await expectNoAxeViolations(page, 'number');

    // Keyboard only: Tab from the number reaches the choice; Space or an arrow chooses.
    await page.keyboard.press('Tab');
    await expect(radios.first()).toBeFocused();
    for (const key of keys) await page.keyboard.press(key);
    const label = chosen === 'cartes_bancaires' ? 'Cartes Bancaires' : other;
    await expect(choice.getByRole('radio', { name: label })).toBeChecked();
    await expect.poll(() => lastChange(page, 'number')).toMatchObject({ preferredNetwork: chosen });
    await expectNoAxeViolations(page, 'number');

    await fillRest(page);
    const outcome = await tokenize(page);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.card.networks).toEqual({
      available: ['cartes_bancaires', brand],
      preferred: chosen,
    });
    const payment = await pay(outcome.result.token);
    expect(payment.status).toBe(201);
    expect(payment.body.card.network).toBe(chosen);
  });
}

// The seed's test cards (the gateway's fixture, copied from the seed's guide) are in no co-badged
// range: the number frame offers no network choice for any of them, the 3-D Secure card included.
const seedCards = (
  JSON.parse(
    readFileSync(
      new URL('../../packages/gateway/test/fixtures/seed-test-cards.json', import.meta.url),
      'utf8',
    ),
  ) as { cards: { number: string; described: string }[] }
).cards;

test('no seed test card offers a network choice in the number frame', async ({ page }) => {
  expect(seedCards.map((card) => card.number)).toContain('4000002500003155');
  for (const card of seedCards) {
    await open(page);
    await typeInto(page, 'number', card.number);
    // A Visa may have 19 digits: its 16 are complete once the customer leaves the field.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => lastChange(page, 'number'), { message: card.described })
      .toMatchObject({ complete: true, valid: true, brand: 'visa' });
    // `networks` is in the detail only for a co-badged number.
    expect(await lastChange(page, 'number'), card.described).not.toHaveProperty('networks');
    await expect(
      frameOf(page, 'number').getByRole('group', { name: 'Choose the card network' }),
      card.described,
    ).toHaveCount(0);
  }
});

test('preferred-network preselects the merchant choice; the shopper can still change it', async ({
  page,
}) => {
  await open(page, '?preferred-network=cartes_bancaires');
  await typeInto(page, 'number', '4000002600005001');
  const choice = frameOf(page, 'number').getByRole('group', { name: 'Choose the card network' });
  await expect(choice.getByRole('radio', { name: 'Cartes Bancaires' })).toBeChecked();
  await expect
    .poll(() => lastChange(page, 'number'))
    .toMatchObject({
      networks: ['cartes_bancaires', 'visa'],
      preferredNetwork: 'cartes_bancaires',
    });
  await expectNoAxeViolations(page, 'number');
  await fillRest(page);
  const preselected = await tokenize(page);
  expect(preselected).toMatchObject({
    ok: true,
    result: { card: { networks: { preferred: 'cartes_bancaires' } } },
  });
  // The page's own choice, set on the group, replaces the preselection.
  await page.evaluate(() => {
    (document.querySelector('#group') as unknown as { preferredNetwork: string }).preferredNetwork =
      'visa';
  });
  await expect(choice.getByRole('radio', { name: 'Visa' })).toBeChecked();
  await expect.poll(() => lastChange(page, 'number')).toMatchObject({ preferredNetwork: 'visa' });
  expect(await tokenize(page)).toMatchObject({
    ok: true,
    result: { card: { networks: { preferred: 'visa' } } },
  });
  // And the shopper can still change it.
  await choice.getByRole('radio', { name: 'Cartes Bancaires' }).check();
  expect(await tokenize(page)).toMatchObject({
    ok: true,
    result: { card: { networks: { preferred: 'cartes_bancaires' } } },
  });
});

test('auto-advance moves focus number → expiry → cvc → name when set', async ({ page }) => {
  await open(page, '?auto-advance');
  // A Mastercard has 16 digits, no more: it is whole, so focus moves on.
  await typeInto(page, 'number', '5555555555554444');
  const expiry = frameOf(page, 'expiry').locator('input#expiry');
  await expect(expiry).toBeFocused();
  await page.keyboard.type('1234');
  await expect(frameOf(page, 'cvc').locator('input#cvc')).toBeFocused();
  await page.keyboard.type('123');
  await expect(frameOf(page, 'name').locator('input#name')).toBeFocused();
  await expectNoAxeViolations(page, 'expiry');
});

test('auto-advance waits for the network choice of a co-badged number', async ({ page }) => {
  await open(page, '?auto-advance');
  await typeInto(page, 'number', '5555552500001001');
  await expect(frameOf(page, 'number').getByRole('radio', { name: 'Mastercard' })).toBeVisible();
  await page.waitForTimeout(300);
  await expect(frameOf(page, 'number').locator('input#number')).toBeFocused();
});

test('auto-advance stays in a Visa of 16 digits, which may still grow to 19, until it is left', async ({
  page,
}) => {
  await open(page, '?auto-advance');
  await typeInto(page, 'number', '4242424242424242');
  await page.waitForTimeout(300);
  await expect(frameOf(page, 'number').locator('input#number')).toBeFocused();
  expect(await lastChange(page, 'number')).toMatchObject({ complete: false, valid: true });
  await page.keyboard.press('Tab');
  await expect.poll(() => lastChange(page, 'number')).toMatchObject({ complete: true });
});

test('without auto-advance focus stays in a complete field', async ({ page }) => {
  await open(page);
  await typeInto(page, 'number', '5555555555554444');
  await expect.poll(() => lastChange(page, 'number')).toMatchObject({ complete: true });
  await page.waitForTimeout(300);
  await expect(frameOf(page, 'number').locator('input#number')).toBeFocused();
  await typeInto(page, 'expiry', '1234');
  await page.waitForTimeout(300);
  await expect(frameOf(page, 'expiry').locator('input#expiry')).toBeFocused();
});
