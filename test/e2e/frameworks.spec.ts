// The shop's React and Vue checkouts (@pay/react, @pay/vue), rendered by the shop's server and
// hydrated: a card payment, a declined card then a retry, and 3-D Secure in the page.
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
import { GATEWAY_URL, SHOP_URL } from './env.js';
import type { Page } from '@playwright/test';

/** Console errors: a hydration mismatch is one (React and Vue both report it there). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

for (const framework of ['react', 'vue'] as const) {
  test.describe(framework, () => {
    test('the server renders the form; it hydrates with one frame per field and pays', async ({
      page,
    }) => {
      const errors = consoleErrors(page);
      const orderId = await startCheckout(page, { integration: framework });
      // The page as the server sent it: the fields' markup is there before any script runs.
      const served = await (await page.request.get(`${SHOP_URL}/checkout/${orderId}`)).text();
      expect(served).toContain(`data-framework="${framework}"`);
      expect(served).toMatch(/<pay-card-fields[^>]* publishable-key="pk_test_e2e"/);
      expect(served).toMatch(/<pay-card-number[^>]*defer-hydration/);
      expect(served).toContain(`/assets/${framework}-checkout.js`);
      expect(served).not.toContain('/sdk/v1/pay.js'); // the SDK is bundled into the app

      await expect(payButton(page)).toBeEnabled();
      await expect(page.locator('#checkout-form')).not.toHaveClass(/is-loading/);
      for (const tag of ['pay-card-number', 'pay-card-expiry', 'pay-card-cvc']) {
        await expect(page.locator(`${tag} > iframe`)).toHaveCount(1);
        const src = await page.locator(`${tag} > iframe`).getAttribute('src');
        expect(new URL(src ?? '').origin).toBe(GATEWAY_URL);
      }
      await expect(page.locator('iframe')).toHaveCount(4);

      await fillCard(page, framework, { number: '4242 4242 4242 4242' });
      // onChange / @change from the number field: the brand, never the digits.
      await expect(page.locator('#card-brand')).toHaveText('Visa');
      await payButton(page).click();
      await expectResult(page, 'success');
      await expect(page.locator('.details')).toContainText('•••• 4242');
      const payments = await paymentsForOrder(orderId);
      expect(payments.map((p) => p.status)).toEqual(['completed']);
      expect(errors).toEqual([]);
    });

    test('a declined card says why; trying again pays', async ({ page }) => {
      const orderId = await startCheckout(page, { integration: framework });
      await fillCard(page, framework, { number: '4000 0000 0000 0002' });
      await payButton(page).click();
      await expectResult(page, 'failure');
      await expect(page.locator('#error-code')).toHaveText('card_declined');
      await page.locator('#try-again').click();
      await expect(page.locator(`[data-framework="${framework}"]`)).toBeVisible();
      await fillCard(page, framework, { number: '5555 5555 5555 4444' });
      await expect(page.locator('#card-brand')).toHaveText('Mastercard');
      await payButton(page).click();
      await expectResult(page, 'success');
      const payments = await paymentsForOrder(orderId);
      expect(payments.map((p) => p.status).sort()).toEqual(['completed', 'failed']);
    });

    test('an incomplete card is refused in the page, nothing reaches the shop', async ({
      page,
    }) => {
      const orderId = await startCheckout(page, { integration: framework });
      await fillCard(page, framework, { number: '4242 4242' });
      await payButton(page).click();
      // The field shows and announces its own error; the shop's alert does not repeat it.
      await expect(page.locator('#pay-message')).toBeHidden();
      expect(await paymentsForOrder(orderId)).toEqual([]);
    });

    test('3-D Secure in the page through useCardFields().handleNextAction', async ({ page }) => {
      const orderId = await startCheckout(page, { integration: framework, threeDS: 'modal' });
      await fillCard(page, framework, { number: '4000 0025 0000 3155' });
      await payButton(page).click();
      await expect(page.locator('dialog')).toBeVisible();
      await challenge(page, 'modal').complete.click();
      await expectResult(page, 'success');
      const payments = await paymentsForOrder(orderId);
      expect(payments.map((p) => p.status)).toEqual(['completed']);
    });
  });
}
