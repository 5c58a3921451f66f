// The shop's orders page (GET /v1/payments): manual capture then capture, void, full and partial
// refund, as the merchant clicks them.
import {
  expect,
  expectResult,
  fillCard,
  payButton,
  paymentsForOrder,
  startCheckout,
  test,
} from './fixtures.js';
import type { CheckoutOptions } from './fixtures.js';
import type { Page } from '@playwright/test';

async function buy(page: Page, options: CheckoutOptions) {
  const orderId = await startCheckout(page, options);
  await fillCard(page, 'split', { number: '4242 4242 4242 4242' });
  await payButton(page).click();
  await expectResult(page, 'success');
  await page.goto('/orders');
  return { orderId, row: page.locator(`.payment-row[data-order="${orderId}"]`) };
}

test('manual capture: authorized, then captured from the orders page', async ({ page }) => {
  const { orderId, row } = await buy(page, { capture: 'manual' });
  await expect(row).toHaveAttribute('data-status', 'authorized');
  await row.getByRole('button', { name: 'Capture' }).click();
  await expect(page.locator('#notice')).toContainText('Captured');
  await expect(row).toHaveAttribute('data-status', 'completed');
  const payments = await paymentsForOrder(orderId);
  expect(payments.map((p) => p.status)).toEqual(['completed']);
});

test('manual capture: void cancels the authorization', async ({ page }) => {
  const { orderId, row } = await buy(page, { capture: 'manual', product: 'pen' });
  await row.getByRole('button', { name: 'Void' }).click();
  await expect(page.locator('#notice')).toContainText('Voided');
  await expect(row).toHaveAttribute('data-status', 'canceled');
  await expect(row.getByRole('button')).toHaveCount(0);
  const payments = await paymentsForOrder(orderId);
  expect(payments.map((p) => p.status)).toEqual(['canceled']);
});

test('full refund', async ({ page }) => {
  const { orderId, row } = await buy(page, { product: 'pen' });
  await expect(row).toHaveAttribute('data-status', 'completed');
  await row.getByRole('button', { name: 'Refund' }).click();
  await expect(page.locator('#notice')).toContainText('Refunded');
  await expect(row).toHaveAttribute('data-status', 'refunded');
  const [payment] = await paymentsForOrder(orderId);
  expect([payment?.status, payment?.amount_refunded]).toEqual(['refunded', 68]);
});

test('partial refunds, then the rest', async ({ page }) => {
  const { orderId, row } = await buy(page, { product: 'pen' });
  await row.getByLabel('Refund amount').fill('18.50');
  await row.getByRole('button', { name: 'Refund' }).click();
  await expect(row).toHaveAttribute('data-status', 'partially_refunded');
  await expect(row).toContainText('refunded $18.50');
  let [payment] = await paymentsForOrder(orderId);
  expect([payment?.status, payment?.amount_refunded]).toEqual(['partially_refunded', 18.5]);

  // More than what is left is refused with the gateway's typed error.
  await row.getByLabel('Refund amount').fill('60');
  await row.getByRole('button', { name: 'Refund' }).click();
  await expect(page.locator('#notice')).toHaveClass(/alert-error/);
  await expect(row).toHaveAttribute('data-status', 'partially_refunded');

  await row.getByRole('button', { name: 'Refund' }).click();
  await expect(row).toHaveAttribute('data-status', 'refunded');
  [payment] = await paymentsForOrder(orderId);
  expect([payment?.status, payment?.amount_refunded]).toEqual(['refunded', 68]);
});
