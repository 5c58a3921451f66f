// What every e2e test shares: a page that fails the test on any CSP violation, a screenshot of
// the final page (card frames masked), and the steps a customer takes through the shop.
import { test as base, expect, type Page } from '@playwright/test';
import { GATEWAY_URL, SECRET_KEY } from './env.js';

/** Both shops of the suite (the main one and the outage one) are on 127.0.0.1. */
const SHOP_ORIGIN_PREFIX = 'http://127.0.0.1:';
/** The card numbers typed in the current test. */
const typedNumbers = new Set<string>();

export type Integration = 'split' | 'card' | 'form' | 'react' | 'vue';

export interface CheckoutOptions {
  product?: 'notebook' | 'pen' | 'ink';
  integration?: Integration;
  capture?: 'automatic' | 'manual';
  threeDS?: 'modal' | 'redirect';
}

export interface Card {
  number: string;
  expiry?: string;
  cvc?: string;
  name?: string;
}

export const test = base.extend<{ finalPage: void }>({
  // Every test: no CSP violation on the shop or in the frames, and a screenshot of the final
  // page for looking at a failure (the card fields masked: rule 3 in docs/architecture.md).
  finalPage: [
    async ({ page }, use, testInfo) => {
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      // Nothing the browser sends to the shop may hold a number typed into the card fields
      // (rule 1 in docs/architecture.md). Reported redacted, so a failure prints no card data either.
      typedNumbers.clear();
      const cardDataToShop: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(SHOP_ORIGIN_PREFIX)) return;
        const sent = `${req.url()} ${req.postData() ?? ''}`.replace(/[\s+-]|%20/g, '');
        if ([...typedNumbers].some((digits) => sent.includes(digits))) {
          cardDataToShop.push(`${req.method()} ${req.url().replace(/\d/g, '#')}`);
        }
      });
      await use();
      await page.screenshot({
        path: testInfo.outputPath('final-page.png'),
        fullPage: true,
        mask: [page.locator('.pay-field')],
      });
      expect(cardDataToShop, 'no card number sent to the shop').toEqual([]);
      expect(violations, 'no CSP violation on the shop or in the frames').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** From the shop's home page to a checkout with the given demo settings; returns the order id. */
export async function startCheckout(page: Page, options: CheckoutOptions = {}): Promise<string> {
  const { product = 'notebook', integration = 'split', capture = 'automatic' } = options;
  await page.goto('/');
  await page.locator(`form.product-buy:has(input[value="${product}"]) button`).click();
  await expect(page).toHaveURL(/\/checkout\/ord_/);
  const orderId = new URL(page.url()).pathname.split('/')[2] ?? '';
  const params = new URLSearchParams({ integration, capture });
  if (options.threeDS) params.set('three_ds', options.threeDS);
  await page.goto(`/checkout/${orderId}?${params}`);
  await expect(page.locator('#checkout-form')).toBeVisible();
  return orderId;
}

function frameOf(page: Page, tag: string) {
  return page.frameLocator(`${tag} iframe`);
}

/** Types a card into the gateway's frames the way a customer would, key by key. */
export async function fillCard(page: Page, integration: Integration, card: Card): Promise<void> {
  const {
    number,
    expiry = '12 / 34',
    cvc = number.replace(/\D/g, '').startsWith('3') ? '1234' : '123',
  } = card;
  const name = card.name ?? 'Jane Doe';
  const inputs =
    integration === 'card'
      ? {
          number: frameOf(page, 'pay-card').locator('input[autocomplete="cc-number"]'),
          expiry: frameOf(page, 'pay-card').locator('input[autocomplete="cc-exp"]'),
          cvc: frameOf(page, 'pay-card').locator('input[autocomplete="cc-csc"]'),
          name: frameOf(page, 'pay-card').locator('input[autocomplete="cc-name"]'),
        }
      : {
          number: frameOf(page, 'pay-card-number').locator('input'),
          expiry: frameOf(page, 'pay-card-expiry').locator('input'),
          cvc: frameOf(page, 'pay-card-cvc').locator('input'),
          name: frameOf(page, 'pay-cardholder-name').locator('input'),
        };
  typedNumbers.add(number.replace(/\s/g, ''));
  await inputs.number.pressSequentially(number.replace(/\s/g, ''));
  await inputs.expiry.pressSequentially(expiry.replace(/\D/g, ''));
  await inputs.cvc.pressSequentially(cvc);
  if ((await inputs.name.count()) > 0) await inputs.name.pressSequentially(name);
}

export function payButton(page: Page) {
  // The framework checkouts pay with a plain button (no <form> for the group to submit).
  return page.locator('#checkout-form :is(button[type="submit"], button#pay-button)');
}

/** The outcome page after a payment: success, failure or pending. */
export async function expectResult(page: Page, state: 'success' | 'failure') {
  await expect(page).toHaveURL(/\/result\/ord_/);
  await expect(page.locator(`.result[data-state="${state}"]`)).toBeVisible();
}

/** The gateway's sandbox challenge page, framed in the modal or as the whole page. */
export function challenge(page: Page, where: 'modal' | 'page') {
  const scope = where === 'modal' ? page.frameLocator('dialog iframe') : page;
  return {
    complete: scope.getByRole('button', { name: /complete/i }),
    fail: scope.getByRole('button', { name: /fail/i }),
  };
}

export interface GatewayPayment {
  id: string;
  status: string;
  amount: number;
  amount_refunded: number;
  capture_method: string;
  external_id: string | null;
  card: { brand: string; last4: string } | null;
  error?: { code: string } | null;
}

/** What the gateway holds for one order, read with the merchant's secret key. */
export async function paymentsForOrder(orderId: string, gatewayUrl = GATEWAY_URL) {
  const found: GatewayPayment[] = [];
  let after = '';
  for (;;) {
    const url = new URL('/v1/payments', gatewayUrl);
    url.searchParams.set('limit', '100');
    if (after) url.searchParams.set('starting_after', after);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${SECRET_KEY}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: GatewayPayment[]; has_more: boolean };
    found.push(...page.data.filter((p) => p.external_id === orderId));
    if (!page.has_more || page.data.length === 0) return found;
    after = page.data[page.data.length - 1]?.id ?? '';
  }
}
