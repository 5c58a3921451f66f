// The shop in other languages, as a shopper uses it: the language switch, French and Arabic
// card fields (right to left, digits still left to right), a missing name said once, and
// "Buy now" buttons named by what they show.
import { expect, expectResult, fillCard, payButton, startCheckout, test } from './fixtures.js';
import type { Page } from '@playwright/test';

async function switchLanguage(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name }).click();
}

test('"Buy now" buttons: the visible label is the name, the product the description', async ({
  page,
}) => {
  await page.goto('/');
  const buttons = page.getByRole('button', { name: 'Buy now', exact: true });
  await expect(buttons).toHaveCount(3);
  await expect(buttons.first()).toHaveAccessibleDescription('Field notebook');
});

test('in French the fields speak French; a missing name is said by its field only', async ({
  page,
}) => {
  await switchLanguage(page, 'Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await startCheckout(page);
  const number = page.frameLocator('pay-card-number iframe');
  await expect(number.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.frameLocator('pay-card-expiry iframe').locator('input')).toHaveAttribute(
    'placeholder',
    'MM / AA',
  );
  await fillCard(page, 'split', { number: '4242 4242 4242 4242', name: '' });
  await payButton(page).click();
  await expect(page.frameLocator('pay-cardholder-name iframe').locator('#name-error')).toHaveText(
    'Saisissez le nom figurant sur la carte.',
  );
  await expect(page.locator('#pay-message')).toBeHidden();
});

test('in Arabic the page and fields are right to left, the number left to right, and it pays', async ({
  page,
}) => {
  await switchLanguage(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await startCheckout(page);
  const frame = page.frameLocator('pay-card-number iframe');
  await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ar');
  const input = frame.locator('input');
  await expect(input).toHaveAttribute('dir', 'ltr');
  expect(await input.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  await fillCard(page, 'split', { number: '4242 4242 4242 4242' });
  await expect(input).toHaveValue('4242 4242 4242 4242');
  await payButton(page).click();
  await expectResult(page, 'success');
});
