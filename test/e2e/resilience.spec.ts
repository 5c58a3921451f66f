// Bad input and bad luck: double clicks, a declined card then a retry, concurrent pay calls, the
// gateway stopping mid-checkout. The customer always gets a clear message, can try again, and
// is never charged twice.
import {
  challenge,
  expect,
  expectResult,
  fillCard,
  payButton,
  paymentsForOrder,
  startCheckout,
  test,
} from './fixtures.js';
import { GATEWAY_URL, PUBLISHABLE_KEY } from './env.js';
import { makeTempDir, removeDir, startGateway, startShop, type Server } from './stack.js';

async function newToken(number: string, gatewayUrl = GATEWAY_URL): Promise<string> {
  const res = await fetch(`${gatewayUrl}/v1/tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${PUBLISHABLE_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ card: { number, exp_month: 12, exp_year: 2034, cvc: '123' } }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('a double click on Pay charges once', async ({ page }) => {
  const orderId = await startCheckout(page, { integration: 'split' });
  await fillCard(page, 'split', { number: '4242 4242 4242 4242' });
  await payButton(page).dblclick();
  await expectResult(page, 'success');
  const payments = await paymentsForOrder(orderId);
  expect(payments.map((p) => p.status)).toEqual(['completed']);
});

test('two pay calls at once, with two tokens, charge the order once', async ({ page, request }) => {
  const orderId = await startCheckout(page, { integration: 'split' });
  const [a, b] = await Promise.all([newToken('4242424242424242'), newToken('5555555555554444')]);
  const answers = await Promise.all(
    [a, b].map((token) => request.post(`/api/checkout/${orderId}/pay`, { data: { token } })),
  );
  const views = await Promise.all(answers.map((r) => r.json()));
  expect(views.map((v) => v.state)).toEqual(['paid', 'paid']);
  expect(views[0].payment.id).toBe(views[1].payment.id);
  // The order is paid: a third call later changes nothing either.
  const again = await request.post(`/api/checkout/${orderId}/pay`, {
    data: { token: await newToken('4242424242424242') },
  });
  expect((await again.json()).payment.id).toBe(views[0].payment.id);
  const payments = await paymentsForOrder(orderId);
  expect(payments).toHaveLength(1);
});

test('a declined card, then another card: paid once', async ({ page }) => {
  const orderId = await startCheckout(page, { integration: 'split' });
  await fillCard(page, 'split', { number: '4000 0000 0000 9995' });
  await payButton(page).click();
  await expectResult(page, 'failure');
  await expect(page.locator('#error-code')).toHaveText('insufficient_funds');
  await page.locator('#try-again').click();
  await fillCard(page, 'split', { number: '4242 4242 4242 4242' });
  await payButton(page).click();
  await expectResult(page, 'success');
  await page.goto(`/checkout/${orderId}`);
  await expectResult(page, 'success'); // a paid order's checkout is its receipt
  const payments = await paymentsForOrder(orderId);
  expect(payments.map((p) => p.status).sort()).toEqual(['completed', 'failed']);
});

test('field errors are shown and nothing is sent for an incomplete card', async ({ page }) => {
  const orderId = await startCheckout(page, { integration: 'split' });
  await fillCard(page, 'split', { number: '4242 4242 4242' });
  await payButton(page).click();
  // The field shows and announces its own error; the shop's alert does not repeat it.
  await expect(page.locator('#pay-message')).toBeHidden();
  // The SDK marks the field for the shop's CSS (:state(invalid)) and focuses it.
  await expect
    .poll(() => page.locator('pay-card-number').evaluate((el) => el.matches(':state(invalid)')))
    .toBe(true);
  await expect(payButton(page)).toBeEnabled();
  await expect(page).toHaveURL(new RegExp(`/checkout/${orderId}`));
  expect(await paymentsForOrder(orderId)).toEqual([]);
});

test.describe('the gateway or the shop stops mid-checkout', () => {
  let gatewayUrl = '';
  let dataDir = '';
  let gateway: Server;
  let shop: Server;

  /** Starts this describe's own gateway and shop, once (the first fixture or hook that asks). */
  let started: Promise<void> | undefined;
  const start = () =>
    (started ??= (async () => {
      dataDir = makeTempDir('e2e-outage-');
      gateway = await startGateway(dataDir);
      gatewayUrl = gateway.url;
      shop = await startShop(gatewayUrl, dataDir);
    })());

  // The shop's address is known once it runs, and Playwright may want baseURL before a
  // beforeAll hook has run; restarts ask for the ports the first starts got.
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from its first parameter
    baseURL: async ({}, use) => {
      await start();
      await use(shop.url);
    },
  });
  // These tests start servers again; on a busy machine that takes a while.
  test.describe.configure({ timeout: 120_000 });

  test.afterAll(async () => {
    await shop?.stop();
    await gateway?.stop();
    if (dataDir) removeDir(dataDir);
  });

  test('before the card is tokenized: a message, then a retry works', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'split' });
    await fillCard(page, 'split', { number: '4242 4242 4242 4242' });
    await gateway.stop();
    await payButton(page).click();
    await expect(page.locator('#pay-message')).toContainText('could not reach the payment service');
    await expect(payButton(page)).toBeEnabled();
    gateway = await startGateway(dataDir, gateway.port);
    await payButton(page).click();
    await expectResult(page, 'success');
    const payments = await paymentsForOrder(orderId, gatewayUrl);
    expect(payments.map((p) => p.status)).toEqual(['completed']);
  });

  test('while the shop creates the payment: a message, then one charge', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'card' });
    await fillCard(page, 'card', { number: '4242 4242 4242 4242' });
    // The token exists; the gateway goes away just before the shop's server calls it.
    let stopped = false;
    await page.route('**/api/checkout/*/pay', async (route) => {
      if (!stopped) {
        stopped = true;
        await gateway.stop();
      }
      await route.continue();
    });
    await payButton(page).click();
    await expect(page.locator('#pay-message')).toContainText('not answering');
    gateway = await startGateway(dataDir, gateway.port);
    await payButton(page).click();
    await expectResult(page, 'success');
    const payments = await paymentsForOrder(orderId, gatewayUrl);
    expect(payments.map((p) => p.status)).toEqual(['completed']);
  });

  test('the shop restarts during 3-D Secure by redirect: the return still ends paid', async ({
    page,
  }) => {
    const orderId = await startCheckout(page, { integration: 'split', threeDS: 'redirect' });
    await fillCard(page, 'split', { number: '4000 0025 0000 3155' });
    await payButton(page).click();
    await expect(page).toHaveURL((url) => url.origin === gatewayUrl);
    await shop.stop(); // the shop keeps checkouts in memory: this one is forgotten
    shop = await startShop(gatewayUrl, dataDir, shop.port);
    await challenge(page, 'page').complete.click();
    await expectResult(page, 'success');
    await expect(page.locator('.details')).toContainText(orderId);
    const payments = await paymentsForOrder(orderId, gatewayUrl);
    expect(payments.map((p) => p.status)).toEqual(['completed']);
  });

  test('at page load: the shop says the card form could not load', async ({ page }) => {
    await gateway.stop();
    try {
      await page.goto('/');
      await page.locator('form.product-buy button').first().click();
      await expect(page.locator('#pay-message')).toContainText('card form');
    } finally {
      gateway = await startGateway(dataDir, gateway.port);
    }
  });
});

test.describe('small screens', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no page scrolls sideways at 320 px', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'split' });
    const widths: Record<string, number> = {};
    const measure = async (name: string) => {
      widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
    };
    await measure('checkout split');
    await page.goto(`/checkout/${orderId}?integration=card`);
    await measure('checkout card');
    await page.goto('/');
    await measure('home');
    await page.goto('/orders');
    await measure('orders');
    expect(widths).toEqual({ 'checkout split': 320, 'checkout card': 320, home: 320, orders: 320 });
  });
});
