// @pay/react in real Chromium, across origins: the fixture app (apps/react-checkout.tsx) on the
// merchant origin, bundled from the built packages in React's development build and mounted in
// StrictMode, with the gateway's frames on theirs.
import { test, expect, type Page } from '@playwright/test';
import {
  expectOneFramePerField,
  FIELDS,
  fillCard,
  GATEWAY,
  HOST,
  leaveInvalid,
  messageListeners,
  typeInto,
  watchConsole,
} from './wrapper-pages.js';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { Checkout, type Heard } from './apps/react-checkout.js';

const heard = (page: Page) => page.evaluate(() => window.heard ?? []);

async function openApp(page: Page) {
  await page.goto(`${HOST}/react.html`);
  await expect(page.locator('#ready')).toHaveText('true');
}

test('StrictMode: one iframe per field, props reach the elements, the group is ready once', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await openApp(page);
  await expectOneFramePerField(page);
  const group = page.locator('pay-card-fields#group');
  await expect(group).toHaveAttribute('publishable-key', 'pk_test_fields');
  await expect(group).toHaveAttribute('gateway', GATEWAY);
  await expect(group).toHaveClass('checkout-group');
  // Props React has no attribute for are not written as attributes.
  expect(await group.evaluate((el) => el.getAttributeNames().sort())).toEqual([
    'class',
    'gateway',
    'id',
    'publishable-key',
  ]);
  await expect(page.locator('#number > iframe')).toHaveAttribute('title', 'Card number');
  await expect(page.locator('#cvc > iframe')).toHaveAttribute('title', 'Security code');
  await expect(page.frameLocator('#cvc > iframe').locator('input#cvc')).toHaveAttribute(
    'placeholder',
    'CVC',
  );
  // A prop changed after mount reaches the frame.
  await page.click('#relabel');
  await expect(page.locator('#number > iframe')).toHaveAttribute('title', 'Long card number');
  // disabled={true}, then false: a boolean prop, on an element already defined.
  const cvcInput = page.frameLocator('#cvc > iframe').locator('input#cvc');
  await page.click('#disable');
  await expect(group).toHaveAttribute('disabled', '');
  await expect(cvcInput).toBeDisabled();
  await page.click('#disable');
  await expect(group).not.toHaveAttribute('disabled');
  await expect(cvcInput).toBeEnabled();
  // The ref is the element.
  expect(await page.evaluate(() => window.groupRef?.localName)).toBe('pay-card-fields');

  const ready = (await heard(page)).filter((h) => h.prop === 'onReady');
  expect(ready.filter((h) => h.on === 'group')).toEqual([
    { on: 'group', prop: 'onReady', detail: { fields: FIELDS }, event: 'pay-ready' },
  ]);
  // Each field's own onReady, with its kind; the group does not hear theirs.
  expect(ready.filter((h) => h.on !== 'group').map((h) => h.detail)).toEqual(
    expect.arrayContaining(FIELDS.map((field) => ({ field }))),
  );
  expect(ready.filter((h) => h.on !== 'group')).toHaveLength(FIELDS.length);
  expect(problems).toEqual([]);
});

test('onChange, onFocus and onBlur name their field and never carry a digit; tokenize() gives a token', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await openApp(page);
  await fillCard(page);
  await page.click('#pay');
  await expect(page.locator('#token')).toHaveText(/^tok_\w+$/);
  await expect(page.locator('#error')).toHaveText('');

  const all: Heard[] = await heard(page);
  const changes = all.filter((h) => h.prop === 'onChange');
  expect(JSON.stringify(changes)).not.toMatch(/\d/);
  expect(changes.every((h) => h.event === 'pay-change')).toBe(true);
  // The field's own handler and the group's (the event bubbles) hear the same detail.
  const lastOf = (on: string) => changes.filter((h) => h.on === on).at(-1)?.detail;
  expect(lastOf('number')).toEqual({
    field: 'number',
    empty: false,
    complete: true,
    valid: true,
    brand: 'visa',
  });
  expect(changes.filter((h) => h.on === 'group').map((h) => h.detail)).toContainEqual(
    lastOf('number'),
  );
  const focusOf = (on: string) =>
    all.filter((h) => h.on === on && (h.prop === 'onFocus' || h.prop === 'onBlur'));
  expect(focusOf('number').slice(0, 2)).toEqual([
    { on: 'number', prop: 'onFocus', detail: { field: 'number' }, event: 'pay-focus' },
    { on: 'number', prop: 'onBlur', detail: { field: 'number' }, event: 'pay-blur' },
  ]);
  expect(focusOf('expiry')[0]?.detail).toEqual({ field: 'expiry' });
  expect(problems).toEqual([]);
});

test('an incomplete card: tokenize() rejects and useCardFields().error has the code', async ({
  page,
}) => {
  await openApp(page);
  await typeInto(page, 'number', '4242');
  await leaveInvalid(page, 'number');
  await page.click('#pay');
  await expect(page.locator('#error')).toHaveText('incomplete_number');
  await expect(page.locator('#token')).toHaveText('');
});

test('unmount removes the iframes and the listeners; a remount has one iframe per field again', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto(`${HOST}/react.html`);
  // Before the first mount's frames connect: what the page listens to without any group.
  await expect(page.locator('#toggle')).toHaveText('Unmount');
  await page.click('#toggle');
  await expect(page.locator('iframe')).toHaveCount(0);
  const baseline = await messageListeners(page);

  await page.click('#toggle');
  await expect(page.locator('#ready')).toHaveText('true');
  await expectOneFramePerField(page);
  expect(await messageListeners(page)).toBeGreaterThan(baseline);

  await page.click('#toggle');
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect.poll(() => messageListeners(page)).toBe(baseline);

  await page.click('#toggle');
  await expect(page.locator('#ready')).toHaveText('true');
  await expectOneFramePerField(page);
  await fillCard(page);
  await page.click('#pay');
  await expect(page.locator('#token')).toHaveText(/^tok_\w+$/);
  expect(problems).toEqual([]);
});

for (const sdk of ['bundled', 'pay.js'] as const) {
  test(`server-rendered markup hydrates (${sdk} defines the tags): no mismatch, the fields appear and tokenize`, async ({
    page,
  }) => {
    const problems = watchConsole(page);
    const markup = renderToString(
      createElement(Checkout, { gateway: GATEWAY, publishableKey: 'pk_test_fields' }),
    );
    expect(markup).toContain('<pay-card-fields id="group" class="checkout-group"');
    expect(markup).not.toContain('<iframe');
    // Served from the merchant origin as the server's page would be.
    const stored = await page.request.put(
      `${HOST}/stash/react-ssr-${sdk === 'pay.js' ? 'script' : 'bundled'}.html`,
      {
        data: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR</title>${sdk === 'pay.js' ? '<script type="module" src="/vendor/pay.js"></script>' : ''}</head><body><div id="root" data-gateway="${GATEWAY}" data-key="pk_test_fields">${markup}</div><script type="module" src="/apps/react-app.js"></script></body></html>`,
      },
    );
    expect(stored.status()).toBe(204);
    await page.goto(`${HOST}/stash/react-ssr-${sdk === 'pay.js' ? 'script' : 'bundled'}.html`);
    await expect(page.locator('#ready')).toHaveText('true');
    await expectOneFramePerField(page);
    await fillCard(page);
    await page.click('#pay');
    await expect(page.locator('#token')).toHaveText(/^tok_\w+$/);
    // A hydration mismatch would be a console error and a client render from scratch.
    expect(problems).toEqual([]);
  });
}
