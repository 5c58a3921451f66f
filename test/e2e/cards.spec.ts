// Every test card of gateway-api.md, paid through the shop's checkout, with its documented outcome.
import {
  expect,
  expectResult,
  fillCard,
  payButton,
  paymentsForOrder,
  startCheckout,
  test,
} from './fixtures.js';
import type { Integration } from './fixtures.js';

const PAID: Array<[string, string, string, Integration]> = [
  ['4242 4242 4242 4242', 'visa', '4242', 'split'],
  ['5555 5555 5555 4444', 'mastercard', '4444', 'card'],
  ['3782 822463 10005', 'amex', '0005', 'split'],
  ['6011 1111 1111 1117', 'discover', '1117', 'card'],
  // "any other Luhn-valid number"
  ['4000 0566 5566 5556', 'visa', '5556', 'split'],
];

for (const [number, brand, last4, integration] of PAID) {
  test(`${number} (${brand}, ${integration}) is paid`, async ({ page }) => {
    const orderId = await startCheckout(page, { integration });
    await fillCard(page, integration, { number });
    await payButton(page).click();
    await expectResult(page, 'success');
    await expect(page.locator('#payment-status')).toHaveText('completed');
    await expect(page.locator('.details')).toContainText(`•••• ${last4}`);
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => [p.status, p.card?.brand])).toEqual([['completed', brand]]);
  });
}

const DECLINED: Array<[string, string, Integration]> = [
  ['4000 0000 0000 0002', 'card_declined', 'split'],
  ['4000 0000 0000 9995', 'insufficient_funds', 'card'],
  ['4000 0000 0000 0069', 'expired_card', 'split'],
  ['4000 0000 0000 0127', 'incorrect_cvc', 'card'],
];

const SENTENCES: Record<string, RegExp> = {
  card_declined: /declined this card/,
  insufficient_funds: /not have enough funds/,
  expired_card: /card has expired/,
  incorrect_cvc: /security code does not match/,
};

for (const [number, code, integration] of DECLINED) {
  test(`${number} (${integration}) fails with ${code} and a sentence`, async ({ page }) => {
    const orderId = await startCheckout(page, { integration });
    await fillCard(page, integration, { number });
    await payButton(page).click();
    await expectResult(page, 'failure');
    await expect(page.locator('#error-code')).toHaveText(code);
    await expect(page.locator('#failure-message')).toHaveText(SENTENCES[code] ?? /./);
    await expect(page.locator('#try-again')).toBeVisible();
    const payments = await paymentsForOrder(orderId);
    expect(payments.map((p) => [p.status, p.error?.code])).toEqual([['failed', code]]);
  });
}
