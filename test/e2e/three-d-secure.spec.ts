// 3-D Secure (card 4000 0025 0000 3155): in the page through handleNextAction's modal, and by
// plain redirect to redirect_url and back to return_url.
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
import { GATEWAY_URL } from './env.js';

const THREE_DS_CARD = { number: '4000 0025 0000 3155' };

test.describe('in the page (modal)', () => {
  test('completed: the payment succeeds without leaving the shop', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'split', threeDS: 'modal' });
    await fillCard(page, 'split', THREE_DS_CARD);
    await payButton(page).click();
    const dialog = page.locator('dialog');
    await expect(dialog).toBeVisible();
    // The challenge is the gateway's page, told the shop's origin to answer to.
    const src = await dialog.locator('iframe').getAttribute('src');
    expect(new URL(src ?? '').origin).toBe(GATEWAY_URL);
    expect(new URL(src ?? '').searchParams.get('parent_origin')).toBe(new URL(page.url()).origin);
    await expect(page).toHaveURL(/\/checkout\/ord_/);
    await challenge(page, 'modal').complete.click();
    await expectResult(page, 'success');
    await expect(dialog).toHaveCount(0);
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => p.status)).toEqual(['completed']);
  });

  test('failed: authentication_failed with a sentence, then a retry succeeds', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'card', threeDS: 'modal' });
    await fillCard(page, 'card', THREE_DS_CARD);
    await payButton(page).click();
    await challenge(page, 'modal').fail.click();
    await expectResult(page, 'failure');
    await expect(page.locator('#error-code')).toHaveText('authentication_failed');
    await expect(page.locator('#failure-message')).toContainText('could not verify');
    await page.locator('#try-again').click();
    await fillCard(page, 'card', { number: '4242 4242 4242 4242' });
    await payButton(page).click();
    await expectResult(page, 'success');
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => p.status).sort()).toEqual(['completed', 'failed']);
  });

  test('forged results are ignored: wrong origin, or the gateway origin from another frame', async ({
    page,
  }) => {
    const orderId = await startCheckout(page, { integration: 'split', threeDS: 'modal' });
    await fillCard(page, 'split', THREE_DS_CARD);
    await payButton(page).click();
    await expect(challenge(page, 'modal').complete).toBeVisible();
    const [payment] = await paymentsForOrder(orderId);
    const forged = { type: 'pay:3ds-result', payment_id: payment?.id, status: 'failed' };
    const shopOrigin = new URL(page.url()).origin;
    // Counts the forged messages as they arrive (after the SDK's own listener saw them).
    const arrived = page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let seen = 0;
          addEventListener('message', (e) => {
            if ((e.data as { status?: string })?.status === 'failed' && ++seen === 2) resolve();
          });
        }),
    );
    await page.evaluate((msg) => postMessage(msg, location.origin), forged);
    // A card field's frame has the gateway's origin but is not the challenge's window.
    const fieldFrame = page.frames().find((f) => f.url().startsWith(`${GATEWAY_URL}/frame/`));
    expect(fieldFrame).toBeDefined();
    await fieldFrame?.evaluate(([msg, origin]) => parent.postMessage(msg, origin as string), [
      forged,
      shopOrigin,
    ] as const);
    await arrived;
    await expect(page.locator('dialog')).toBeVisible();
    await challenge(page, 'modal').complete.click();
    await expectResult(page, 'success');
  });

  test('closing the dialog keeps the order payable by finishing the same challenge', async ({
    page,
  }) => {
    const orderId = await startCheckout(page, { integration: 'split', threeDS: 'modal' });
    await fillCard(page, 'split', THREE_DS_CARD);
    await payButton(page).click();
    await expect(page.locator('dialog iframe')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog')).toHaveCount(0);
    await expect(page.locator('#pay-message')).toContainText('closed before it finished');
    await page.reload();
    await page.locator('#continue-verification').click();
    await challenge(page, 'modal').complete.click();
    await expectResult(page, 'success');
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => p.status)).toEqual(['completed']);
  });

  test('a reload during the challenge resumes it; the order is charged once', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'split', threeDS: 'modal' });
    await fillCard(page, 'split', THREE_DS_CARD);
    await payButton(page).click();
    await expect(challenge(page, 'modal').complete).toBeVisible();
    await page.reload();
    await expect(page.locator('#verification')).toContainText('Confirm the payment');
    await expect(page.locator('#checkout-form')).toHaveCount(0);
    await page.locator('#continue-verification').click();
    await challenge(page, 'modal').complete.click();
    await expectResult(page, 'success');
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => p.status)).toEqual(['completed']);
  });

  test('manual capture: a completed challenge leaves the payment authorized', async ({ page }) => {
    const orderId = await startCheckout(page, { capture: 'manual', threeDS: 'modal' });
    await fillCard(page, 'split', THREE_DS_CARD);
    await payButton(page).click();
    await challenge(page, 'modal').complete.click();
    await expectResult(page, 'success');
    await expect(page.locator('#payment-status')).toHaveText('authorized');
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => p.status)).toEqual(['authorized']);
  });
});

test.describe('by redirect', () => {
  test('completed: to the gateway page and back to the shop', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'split', threeDS: 'redirect' });
    await fillCard(page, 'split', THREE_DS_CARD);
    await payButton(page).click();
    await expect(page).toHaveURL((url) => url.origin === GATEWAY_URL);
    await challenge(page, 'page').complete.click();
    await expectResult(page, 'success');
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => p.status)).toEqual(['completed']);
  });

  test('failed: back to the shop with authentication_failed', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'card', threeDS: 'redirect' });
    await fillCard(page, 'card', THREE_DS_CARD);
    await payButton(page).click();
    await expect(page).toHaveURL((url) => url.origin === GATEWAY_URL);
    await challenge(page, 'page').fail.click();
    await expectResult(page, 'failure');
    await expect(page.locator('#error-code')).toHaveText('authentication_failed');
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => [p.status, p.error?.code])).toEqual([
      ['failed', 'authentication_failed'],
    ]);
  });

  test('the no-script form goes through the challenge by redirect', async ({ page }) => {
    const orderId = await startCheckout(page, { integration: 'form' });
    await fillCard(page, 'form', THREE_DS_CARD);
    await payButton(page).click();
    await expect(page).toHaveURL((url) => url.origin === GATEWAY_URL);
    await challenge(page, 'page').complete.click();
    await expectResult(page, 'success');
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => p.status)).toEqual(['completed']);
  });
});
