// One checkout per engine through the demo shop (as test/e2e/cards.spec.ts and
// three-d-secure.spec.ts take it): a card payment, and a 3-D Secure payment in the page's modal.
import assert from 'node:assert/strict';
import type { Page } from './driver.js';
import { waitFor } from './steps.js';

export interface CheckoutOrigins {
  shop: string;
  gateway: string;
}

export interface CheckoutCase {
  name: string;
  run(page: Page, origins: CheckoutOrigins): Promise<void>;
}

/** From the shop's home page to the checkout of a notebook; resolves with the order id. */
async function startCheckout(page: Page, shop: string, threeDS?: 'modal'): Promise<string> {
  await page.goto(`${shop}/`);
  await page.click('form.product-buy:has(input[value="notebook"]) button');
  const url = await waitFor(
    'the checkout',
    () => page.url(),
    (u) => /\/checkout\/ord_/.test(u),
  );
  const orderId = new URL(url).pathname.split('/')[2] ?? '';
  const params = new URLSearchParams({ integration: 'split', capture: 'automatic' });
  if (threeDS) params.set('three_ds', threeDS);
  await page.goto(`${shop}/checkout/${orderId}?${params}`);
  return orderId;
}

async function fillCard(page: Page, number: string) {
  for (const [tag, part, text] of [
    ['pay-card-number', 'number', number],
    ['pay-card-expiry', 'expiry', '1234'],
    ['pay-card-cvc', 'cvc', '123'],
    ['pay-cardholder-name', 'name', 'Jane Doe'],
  ] as const) {
    const frame = await page.frame(`${tag} iframe`);
    // The frame app draws its input once its connection to the page stands.
    await waitFor(`the ${part} input`, () =>
      frame.evaluate<boolean>(
        `() => !!document.querySelector('pay-card-form')?.shadowRoot?.querySelector('input#${part}')`,
      ),
    );
    await frame.type(`input#${part}`, text);
  }
}

async function expectSuccess(page: Page, orderId: string) {
  await waitFor(
    'the result page',
    () => page.url(),
    (u) => u.includes(`/result/${orderId}`),
    20_000,
  );
  const state = await waitFor('the outcome', () =>
    page.evaluate<string | null>(`() => document.querySelector('.result')?.dataset.state ?? null`),
  );
  assert.equal(state, 'success');
  assert.equal(
    await page.evaluate(`() => document.getElementById('payment-status')?.textContent`),
    'completed',
  );
}

export const CHECKOUT_CASES: CheckoutCase[] = [
  {
    name: 'checkout: a card payment through the demo shop succeeds',
    async run(page, { shop }) {
      const orderId = await startCheckout(page, shop);
      await fillCard(page, '4242424242424242');
      await page.click('#checkout-form button[type="submit"]');
      await expectSuccess(page, orderId);
      assert.match(
        await page.evaluate<string>(`() => document.querySelector('.details').textContent`),
        /•••• 4242/,
      );
    },
  },
  {
    name: 'checkout: a 3-D Secure payment completed in the modal succeeds',
    async run(page, { shop, gateway }) {
      const orderId = await startCheckout(page, shop, 'modal');
      await fillCard(page, '4000002500003155');
      await page.click('#checkout-form button[type="submit"]');
      const challenge = await page.frame('dialog iframe');
      const src = await page.evaluate<string>(`() => document.querySelector('dialog iframe').src`);
      assert.equal(new URL(src).origin, gateway);
      await challenge.click('button.complete');
      await expectSuccess(page, orderId);
    },
  },
];
