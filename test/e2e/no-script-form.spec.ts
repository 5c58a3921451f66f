// The checkout that is a plain <form> with no script of the shop's own: the SDK's form-associated
// group puts card_token into the form data and the shop's server pays with it.
import {
  expect,
  expectResult,
  fillCard,
  payButton,
  paymentsForOrder,
  startCheckout,
  test,
} from './fixtures.js';

test('the page runs no shop script and posts only card_token', async ({ page }) => {
  const orderId = await startCheckout(page, { integration: 'form' });
  const scripts = await page
    .locator('script')
    .evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).src));
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/\/sdk\/v1\/pay\.js$/);

  await fillCard(page, 'form', { number: '4242 4242 4242 4242' });
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(orderId));
  await payButton(page).click();
  const body = new URLSearchParams((await posted).postData() ?? '');
  expect([...body.keys()]).toEqual(['card_token']);
  expect(body.get('card_token')).toMatch(/^tok_/);
  await expectResult(page, 'success');
  const payments = await paymentsForOrder(orderId);
  expect(payments.map((p) => p.status)).toEqual(['completed']);
});

test('a declined card shows the reason, and the customer can try again', async ({ page }) => {
  const orderId = await startCheckout(page, { integration: 'form' });
  await fillCard(page, 'form', { number: '4000 0000 0000 0002' });
  await payButton(page).click();
  await expectResult(page, 'failure');
  await expect(page.locator('#error-code')).toHaveText('card_declined');
  await page.locator('#try-again').click();
  await fillCard(page, 'form', { number: '5555 5555 5555 4444' });
  await payButton(page).click();
  await expectResult(page, 'success');
  const payments = await paymentsForOrder(orderId);
  expect(payments.map((p) => p.status).sort()).toEqual(['completed', 'failed']);
});

test('a double click on Pay charges once', async ({ page }) => {
  const orderId = await startCheckout(page, { integration: 'form' });
  await fillCard(page, 'form', { number: '4242 4242 4242 4242' });
  await payButton(page).dblclick();
  await expectResult(page, 'success');
  const payments = await paymentsForOrder(orderId);
  expect(payments.map((p) => p.status)).toEqual(['completed']);
});

test('a stale token is refused with a message and the form to try again', async ({
  page,
  request,
}) => {
  const orderId = await startCheckout(page, { integration: 'form' });
  // What a form left open too long posts: a token the gateway no longer knows.
  const res = await request.post(`/checkout/${orderId}`, {
    form: { card_token: 'tok_expired0000000000000000' },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  await page.goto(res.headers().location ?? '');
  await expect(page.locator('#pay-message')).toContainText('Please enter them again');
  await fillCard(page, 'form', { number: '4242 4242 4242 4242' });
  await payButton(page).click();
  await expectResult(page, 'success');
  const payments = await paymentsForOrder(orderId);
  expect(payments.map((p) => p.status)).toEqual(['completed']);
});
