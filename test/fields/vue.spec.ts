// @pay/vue in real Chromium, across origins: the fixture app (apps/vue-app.ts) on the merchant
// origin, bundled from the built packages with Vue's development build (its warnings show), and
// the gateway's frames on theirs. The last test renders the app on the server (here, under Node)
// and hydrates it in the page.
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
import { holdBack } from './steps.js';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { Checkout, type Emitted } from './apps/vue-app.js';

const emitted = (page: Page) => page.evaluate(() => window.vueEmitted);

async function openApp(page: Page, query = '') {
  await page.goto(`${HOST}/vue.html${query}`);
  if (!query.includes('mounted=no')) await expect(page.locator('#ready')).toHaveText('true');
}

test('one gateway iframe per field, props and attrs reach the elements, the group is ready once', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await openApp(page);
  await expectOneFramePerField(page);
  const group = page.locator('pay-card-fields#group');
  await expect(group).toHaveAttribute('publishable-key', 'pk_test_fields');
  await expect(group).toHaveAttribute('gateway', GATEWAY);
  // Props without a value write no attribute; fonts is a property, never an attribute.
  expect(await group.evaluate((el) => el.getAttributeNames().sort())).toEqual([
    'class',
    'gateway',
    'id',
    'publishable-key',
  ]);
  expect(await group.evaluate((el) => (el as HTMLElement & { fonts: unknown }).fonts)).toEqual([
    { family: 'Plain', src: 'http://fonts.example/plain.woff2' },
  ]);
  await expect(group).toHaveClass('checkout-group');
  await expect(page.locator('pay-card-cvc#cvc')).toHaveClass('field');
  for (const [field, label] of [
    ['number', 'Card number'],
    ['expiry', 'Expiry date'],
    ['cvc', 'Security code'],
    ['name', 'Name on card'],
  ]) {
    await expect(page.locator(`#${field} > iframe`)).toHaveAttribute('title', label!);
  }
  // A prop changed after mount reaches the element and its frame.
  await page.click('#relabel');
  await expect(page.locator('#number > iframe')).toHaveAttribute('title', 'Long card number');
  await expect(page.locator('#number')).toHaveAttribute('label', 'Long card number');

  // The template ref: the element and tokenize(), nothing internal.
  expect(
    await page.evaluate(() => {
      const exposed = window.vueGroup.value as Record<string, unknown>;
      return {
        element: (exposed.element as HTMLElement).localName,
        tokenize: typeof exposed.tokenize,
        listeners: 'listeners' in exposed,
      };
    }),
  ).toEqual({ element: 'pay-card-fields', tokenize: 'function', listeners: false });

  const ready = (await emitted(page)).filter((e) => e.name === 'ready');
  expect(ready.filter((e) => e.on === 'group')).toEqual([
    { on: 'group', name: 'ready', detail: { fields: FIELDS }, event: 'pay-ready' },
  ]);
  // Each field's own ready, with its kind, once.
  const byField = (a: Emitted, b: Emitted) => a.on.localeCompare(b.on);
  expect(ready.filter((e) => e.on !== 'group').sort(byField)).toEqual(
    FIELDS.map((field) => ({
      on: field,
      name: 'ready',
      detail: { field },
      event: 'pay-ready',
    })).sort(byField),
  );
  await expect(page.locator('#ready')).toHaveText('true');
  expect(problems).toEqual([]);
});

test('change, focus and blur name their field and never carry a digit; DOM events are not emitted', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await openApp(page);
  await typeInto(page, 'number', '4242424242424242');
  await typeInto(page, 'expiry', '12');
  await expect
    .poll(async () => (await emitted(page)).filter((e) => e.name === 'blur').map((e) => e.on))
    .toEqual(['number', 'group']);

  const all = await emitted(page);
  expect(JSON.stringify(all)).not.toMatch(/\d/);
  const changes = all.filter((e) => e.name === 'change');
  expect(changes.every((e) => e.event === 'pay-change')).toBe(true);
  const lastOf = (on: string) => changes.filter((e) => e.on === on).at(-1)?.detail;
  expect(lastOf('number')).toEqual({
    field: 'number',
    empty: false,
    complete: true,
    valid: true,
    brand: 'visa',
  });
  // The field's own listener and the group's (the event bubbles) hear the same details.
  expect(changes.filter((e) => e.on === 'group').map((e) => e.detail)).toEqual(
    changes.filter((e) => e.on !== 'group').map((e) => e.detail),
  );
  // Each field's own focus and blur (the frame may hold a blur back, so order across fields
  // varies), and the group hears them all.
  const focusAndBlur = (on: string) =>
    all
      .filter((e) => e.on === on && (e.name === 'focus' || e.name === 'blur'))
      .map((e) => [e.name, e.detail, e.event]);
  expect(focusAndBlur('number')).toEqual([
    ['focus', { field: 'number' }, 'pay-focus'],
    ['blur', { field: 'number' }, 'pay-blur'],
  ]);
  expect(focusAndBlur('expiry')).toEqual([['focus', { field: 'expiry' }, 'pay-focus']]);
  expect(focusAndBlur('group')).toEqual(
    expect.arrayContaining([...focusAndBlur('number'), ...focusAndBlur('expiry')]),
  );
  expect(focusAndBlur('group')).toHaveLength(3);

  // DOM events of the same names are not the components' events.
  const before = (await emitted(page)).length;
  await page.evaluate(() => {
    for (const [id, types] of [
      ['group', ['ready', 'change', 'focus', 'blur', 'submit', 'error']],
      ['number', ['ready', 'change', 'focus', 'blur', 'submit']],
    ] as const) {
      const element = document.getElementById(id)!;
      for (const type of types) {
        element.dispatchEvent(new CustomEvent(type, { bubbles: true, detail: { field: 'x' } }));
      }
      element.dispatchEvent(new FocusEvent('focus'));
    }
  });
  expect((await emitted(page)).slice(before)).toEqual([]);
  expect(problems).toEqual([]);
});

test('useCardFields().tokenize() gives a token; an incomplete card gives its code and error', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await openApp(page);
  await typeInto(page, 'number', '4242');
  await leaveInvalid(page, 'number');
  await page.click('#pay');
  await expect(page.locator('#error')).toHaveText('incomplete_number');
  await expect(page.locator('#token')).toHaveText('');
  // The SDK focuses the field to fix.
  await expect(page.frameLocator('#number > iframe').locator('input#number')).toBeFocused();

  await page
    .frameLocator('#number > iframe')
    .locator('input#number')
    .pressSequentially('424242424242');
  await typeInto(page, 'expiry', '1234');
  await typeInto(page, 'cvc', '123');
  await typeInto(page, 'name', 'Jane Doe');
  await page.click('#pay');
  await expect(page.locator('#token')).toHaveText(/^tok_\w+$/);
  // A token clears the error.
  await expect(page.locator('#error')).toHaveText('');
  // The exposed tokenize() is the same.
  const token = await page.evaluate(() =>
    (window.vueGroup.value as { tokenize(): Promise<{ token: string }> })
      .tokenize()
      .then((result) => result.token),
  );
  expect(token).toMatch(/^tok_/);
  expect(problems).toEqual([]);
});

test('a pay-error of the group is emitted as error and shows in useCardFields().error', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto(`${HOST}/vue.html?key=sk_test_secret`);
  await expect(page.locator('#error')).toHaveText('invalid_publishable_key');
  const errors = (await emitted(page)).filter((e) => e.name === 'error');
  expect(errors).toEqual([
    {
      on: 'group',
      name: 'error',
      detail: { code: 'invalid_publishable_key', message: expect.stringContaining('secret key') },
      event: 'pay-error',
    },
  ]);
  // The SDK's own explanation, and nothing from Vue.
  expect(problems).toEqual([expect.stringContaining('publishable-key holds a secret key')]);
});

test('unmount removes every iframe and message listener; a remount works again', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await openApp(page, '?mounted=no');
  await expect(page.locator('#toggle')).toHaveText('Mount');
  const before = await messageListeners(page);

  await page.click('#toggle');
  await expect(page.locator('#ready')).toHaveText('true');
  await expectOneFramePerField(page);
  expect(await messageListeners(page)).toBeGreaterThan(before);

  await page.click('#toggle');
  await expect(page.locator('pay-card-fields')).toHaveCount(0);
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect.poll(() => messageListeners(page)).toBe(before);

  await page.click('#toggle');
  await expect(page.locator('#ready')).toHaveText('true');
  await expectOneFramePerField(page);
  await fillCard(page, 'Jane Doe');
  await page.click('#pay');
  await expect(page.locator('#token')).toHaveText(/^tok_\w+$/);
  // One ready per mount.
  const ready = (await emitted(page)).filter((e) => e.on === 'group' && e.name === 'ready');
  expect(ready).toHaveLength(2);
  expect(problems).toEqual([]);
});

test('server-rendered markup hydrates: the elements upgrade in place, with no mismatch', async ({
  page,
}) => {
  const problems = watchConsole(page);
  const html = await renderToString(
    createSSRApp(Checkout, { gateway: GATEWAY, publishableKey: 'pk_test_fields' }),
  );
  expect(html).toContain(
    `<pay-card-fields publishable-key="pk_test_fields" gateway="${GATEWAY}" id="group" class="checkout-group">`,
  );
  expect(html).not.toContain('iframe');
  // The server's markup goes into #app before the app's script runs (held back until then).
  // (Not by rewriting the page in a route: Chromium then counts the page as public and blocks
  // its frames from the local gateway, Local Network Access.)
  const app = await holdBack(page, `${HOST}/apps/vue-app.js`);
  await page.goto(`${HOST}/vue.html`, { waitUntil: 'commit' });
  await page.locator('#app').waitFor({ state: 'attached' });
  await page.evaluate((markup) => {
    const app = document.getElementById('app')!;
    app.innerHTML = markup;
    (window as unknown as { serverNumber: Element }).serverNumber = app.querySelector('#number')!;
  }, html);
  app.release();
  await expect(page.locator('#ready')).toHaveText('true');
  await expectOneFramePerField(page);
  expect(
    await page.evaluate(
      () =>
        (window as unknown as { serverNumber: Element }).serverNumber ===
        document.getElementById('number'),
    ),
  ).toBe(true);
  // fonts, not rendered on the server, is set as a property when hydrating.
  expect(
    await page.locator('#group').evaluate((el) => (el as HTMLElement & { fonts: unknown }).fonts),
  ).toEqual([{ family: 'Plain', src: 'http://fonts.example/plain.woff2' }]);
  await fillCard(page, 'Jane Doe');
  await page.click('#pay');
  await expect(page.locator('#token')).toHaveText(/^tok_\w+$/);
  expect(problems).toEqual([]);
});
