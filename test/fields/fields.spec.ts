// The card fields in Chromium across two real origins (merchant pages on 127.0.0.1, the gateway
// on localhost), for what only Chromium's tooling can show or what the engine suite does not
// cover: readiness before the app, documents coming and going, groups, configuration, and a
// quiet console. Each describe block is one of those concerns.
//
// In the engine suite (test/engines/field-cases.ts), Chromium included, and not again here:
// an invalid card, a plain <form> submit, an incomplete card blocking it, Enter
// submitting, labels and Tab, :state()/::part styling, forged messages from a third origin or
// the page itself, autofill of the split fields.
import { test, expect, type Page } from '@playwright/test';
import { startGateway, type GatewayProcess } from '../harness/gateway-process.js';
import { GATEWAY, HOST } from './servers.js';
import { frameOf, holdBack, typeInto, watchConsole } from './steps.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/chromium.js';

interface PayEvent {
  type: string;
  target: string;
  detail: unknown;
  /** performance.now() when it was heard */
  at: number;
}

type Outcome =
  | { ok: true; result: { token: string; card: { brand: string; last4: string; bin: string } } }
  | { ok: false; code: string; message: string };

declare global {
  interface Window {
    payEvents: PayEvent[];
    /** Target ids of the pay-ready events a listener on the document heard. */
    readyHeard: string[];
    /** CSP (and Trusted Types) violations the page reported. */
    violations: string[];
    tokenizeGroup(id: string, options?: object): Promise<Outcome>;
  }
}

// Ready means the field as it will stay: a field the page shows is never collapsed (a frame once
// told its host a height of 0, measured with no layout, and the field stayed 0 px tall).
test.afterEach(async ({ page }) => {
  const collapsed = await page
    .evaluate(() =>
      [...document.querySelectorAll('pay-card-fields iframe')]
        .filter((frame) => frame.parentElement?.matches(':state(ready)'))
        .filter((frame) => frame.getBoundingClientRect().height < 1)
        .map((frame) => frame.parentElement!.id),
    )
    .catch(() => []);
  expect(collapsed, 'ready fields with a 0 px frame').toEqual([]);
});

async function open(page: Page, path: string, readyGroups = ['group']): Promise<void> {
  await page.goto(HOST + path);
  await page.waitForFunction(
    (groups) =>
      groups.every((g) => window.payEvents.some((e) => e.type === 'pay-ready' && e.target === g)),
    readyGroups,
  );
}

async function fillSplit(page: Page, prefix: string, number: string, expiry: string, cvc: string) {
  await typeInto(page, `${prefix}number`, number, 'number');
  await typeInto(page, `${prefix}expiry`, expiry, 'expiry');
  await typeInto(page, `${prefix}cvc`, cvc, 'cvc');
  // Focus has moved on from two fields: let their blurs reach the host (the frame holds a blur
  // back briefly in case focus bounces), so later event snapshots are settled.
  await expect
    .poll(async () => {
      const seen = (await events(page)).map((e) => e.type);
      const count = (type: string) => seen.filter((t) => t === type).length;
      return count('pay-focus') - count('pay-blur');
    })
    .toBe(1);
}

const tokenize = (page: Page, group = 'group', options?: object) =>
  page.evaluate(([id, opts]) => window.tokenizeGroup(id as string, opts as object | undefined), [
    group,
    options,
  ] as const);

const events = (page: Page) => page.evaluate(() => window.payEvents);

/** A field frame's document (one per locale and kind), whatever its fragment. */
const isFrameDocument = (url: URL): boolean =>
  url.origin === GATEWAY && /^\/frame\/v1\/[a-z]{2}\/[a-z]+\.html$/.test(url.pathname);

type AutofillCard = Record<'number' | 'name' | 'expiryMonth' | 'expiryYear' | 'cvc', string>;

/** Chromium's card autofill, triggered over CDP on the number input of the frame of `kind`. */
async function autofill(page: Page, kind: string, card: AutofillCard) {
  const frame = page
    .frames()
    .find((f) => f.url().includes('/frame/v1/') && f.url().includes(`/${kind}.html`))!;
  const session = await page.context().newCDPSession(frame);
  const { frameTree } = await session.send('Page.getFrameTree');
  const { result } = await session.send('Runtime.evaluate', {
    expression: "document.querySelector('pay-card-form').shadowRoot.querySelector('#number')",
  });
  const { node } = await session.send('DOM.describeNode', { objectId: result.objectId });
  await session.send('Autofill.trigger', {
    fieldId: node.backendNodeId,
    frameId: frameTree.frame.id,
    card,
  });
}

/** Loads a page, fills its card and tokenizes; the page must print no error or warning. */
async function expectQuietCheckout(page: Page, path: string): Promise<void> {
  const problems = watchConsole(page);
  if (path === '/combined.html') {
    await open(page, path);
    await typeInto(page, 'card', '4242424242424242', 'number');
    await typeInto(page, 'card', '1234', 'expiry');
    await typeInto(page, 'card', '123', 'cvc');
    await typeInto(page, 'card', 'Jane Doe', 'name');
    expect(await tokenize(page)).toMatchObject({ ok: true });
  } else if (path === '/two-groups.html') {
    await open(page, path, ['first', 'second']);
    // The brand and the gathering travel between frames while another group sits beside.
    await typeInto(page, 'first-number', '378282246310005', 'number');
    expect(await tokenize(page, 'first')).toMatchObject({ ok: false, code: 'incomplete_expiry' });
  } else {
    await open(page, path);
    await fillSplit(page, '', '4242424242424242', '1234', '123');
    expect(await tokenize(page)).toMatchObject({ ok: true });
  }
  expect(problems).toEqual([]);
}

// forged.html also holds a third-origin iframe: group messages must not be posted to it.
const QUIET_PAGES = ['/split.html', '/combined.html', '/two-groups.html', '/forged.html'];

test.describe('tokenizing: what the merchant page sees', () => {
  test('an expired card rejects with expired_card and focuses the expiry', async ({ page }) => {
    // (An invalid number is an engine case; this one stays in Chromium: after it, WebKitWebDriver
    // loses the keyboard focus of the next cases' frames.)
    await open(page, '/split.html');
    await fillSplit(page, '', '4242424242424242', '0120', '123');
    expect(await tokenize(page)).toMatchObject({ ok: false, code: 'expired_card' });
    await expect(frameOf(page, 'expiry').locator('input#expiry')).toBeFocused();
    await expect(frameOf(page, 'expiry').locator('input#expiry')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  test('a submit blocked by an incomplete card marks every bad field, not only the focused one', async ({
    page,
  }) => {
    await open(page, '/split.html');
    await typeInto(page, 'number', '4242424242424242');
    await page.click('#pay');
    for (const part of ['expiry', 'cvc'])
      await expect(frameOf(page, part).locator(`input#${part}`)).toHaveAttribute(
        'aria-invalid',
        'true',
      );
    expect(page.url()).toBe(`${HOST}/split.html`);
    // The label's text names the input in the frame.
    await expect(frameOf(page, 'number').locator('input#number')).toHaveAttribute(
      'aria-label',
      'Card number',
    );
  });

  test('a valid card tokenizes and pay-change details carry no digits', async ({ page }) => {
    await open(page, '/split.html');
    await fillSplit(page, '', '4242424242424242', '1234', '123');
    await expect(page.locator('#cvc')).toHaveJSProperty('state', {
      empty: false,
      complete: true,
      valid: true,
    });

    const changes = (await events(page)).filter((e) => e.type === 'pay-change');
    expect(JSON.stringify(changes.map((e) => e.detail))).not.toMatch(/\d/);
    // Only the documented fields reach the page.
    for (const { detail } of changes) {
      const { error, ...rest } = detail as { error?: object };
      expect(['brand', 'complete', 'empty', 'field', 'valid']).toEqual(
        expect.arrayContaining(Object.keys(rest)),
      );
      if (error) expect(Object.keys(error).sort()).toEqual(['code', 'message']);
    }
    // 16 keystrokes in the number field, but the host only hears state changes (one more when
    // the card rules' chunk arrives after the first keystroke: the brand shows then).
    expect(changes.filter((e) => e.target === 'number').length).toBeLessThanOrEqual(4);
    expect(changes.filter((e) => e.target === 'number').at(-1)?.detail).toEqual({
      field: 'number',
      empty: false,
      complete: true,
      valid: true,
      brand: 'visa',
    });

    const outcome = await tokenize(page);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.token).toMatch(/^tok_/);
    expect(outcome.result.card).toMatchObject({ brand: 'visa', last4: '4242', bin: '424242' });
    expect(JSON.stringify(outcome)).not.toContain('4242424242424242');
  });
});

test.describe('before the app has loaded: ready at the hello, the served field takes input', () => {
  test('typing right after pay-ready, before the card rules have loaded, ends formatted and valid', async ({
    page,
  }) => {
    // The frames load card-validator as a chunk of its own after they are ready: hold it back.
    const rules = await holdBack(page, '**/frame/v1/assets/card-rules-*.js');
    await open(page, '/split.html');
    await fillSplit(page, '', '378282246310005', '1234', '1234');
    expect(rules.count).toBeGreaterThan(0);
    const number = frameOf(page, 'number').locator('input#number');
    // Without the rules the digits are kept, grouped 4-4-4-4, and nothing is complete yet.
    await expect(number).toHaveValue('3782 8224 6310 005');
    const complete = (field: string) =>
      page
        .locator(`#${field}`)
        .evaluate((el) => (el as HTMLElement & { state: { complete: boolean } }).state.complete);
    expect(await complete('number')).toBe(false);

    rules.release();
    // Once loaded, what was typed is formatted for its brand (amex 4-6-5) and assessed.
    await expect(number).toHaveValue('3782 822463 10005');
    await expect(page.locator('#number')).toHaveJSProperty('state', {
      empty: false,
      complete: true,
      valid: true,
      brand: 'amex',
    });
    await expect.poll(() => complete('cvc')).toBe(true);
    const outcome = await tokenize(page);
    expect(outcome.ok && outcome.result.card).toMatchObject({ brand: 'amex', last4: '0005' });
  });

  test('ready before the app has loaded: the served field takes typing, the app keeps it; a fill waits for the fill guard', async ({
    page,
  }) => {
    // The frames are served with their field drawn; the app (Lit, the rules, the group) arrives
    // late here, as on a slow network: hold it back.
    const app = await holdBack(page, '**/frame/v1/assets/app-*.js');
    await open(page, '/split.html');
    // Ready came first; the apps are asked for once the frames' thread is idle, and held.
    await expect.poll(() => app.count).toBeGreaterThan(0);
    const number = frameOf(page, 'number').locator('input#number');
    await expect(number).toHaveAttribute('autocomplete', 'cc-number');
    await expect(number).toHaveAttribute('aria-label', 'Card number');
    await expect(frameOf(page, 'number').locator('pay-card-form')).toHaveAttribute(
      'defer-hydration',
    );
    await number.click();
    await number.pressSequentially('5555555555554444');
    // A value put in without a keystroke (autofill into a frame the shopper may not see) leaves
    // the input at once: it waits for the app's fill guard, and nothing reads it meanwhile.
    const expiry = frameOf(page, 'expiry').locator('input#expiry');
    const left = await expiry.evaluate((input: HTMLInputElement) => {
      input.value = '12 / 34';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return input.value;
    });
    expect(left).toBe('');
    expect((await events(page)).filter((e) => e.type === 'pay-change')).toEqual([]);

    app.release();
    // The same input, hydrated: what was typed is formatted and assessed, the focus kept.
    await expect(number).toHaveValue('5555 5555 5555 4444');
    await expect(number).toBeFocused();
    await expect(page.locator('#number')).toHaveJSProperty('state.complete', true);
    // The fill, judged now: the shopper is in this group (its focused number field says so).
    await expect(expiry).toHaveValue('12 / 34');
    await typeInto(page, 'cvc', '123');
    const outcome = await tokenize(page);
    expect(outcome.ok && outcome.result.card).toMatchObject({ brand: 'mastercard', last4: '4444' });
    for (const e of await events(page)) expect(JSON.stringify(e.detail)).not.toMatch(/5555|4444/);
  });

  test("a field is ready at its frame's hello, before the app; a call made at once reaches it", async ({
    page,
  }) => {
    // The app comes later: it is held back here.
    const app = await holdBack(page, '**/frame/v1/assets/app-*.js');
    await page.addInitScript(() => {
      const seen: number[] = [];
      // Messages from the card frame's window, counted before the SDK hears them.
      addEventListener('message', (event) => {
        const iframe = document.querySelector('#card > iframe') as HTMLIFrameElement | null;
        if (iframe && event.source === iframe.contentWindow) seen.push(Date.now());
      });
      document.addEventListener(
        'pay-ready',
        (event) => {
          const field = event.target as HTMLElement & { focus(options: object): void };
          if (field.id !== 'card') return;
          (window as unknown as { heardAtReady: number }).heardAtReady = seen.length;
          // A part other than the first: only the frame itself can put the focus there.
          field.focus({ part: 'expiry' });
        },
        true,
      );
    });
    await open(page, '/combined.html');
    const heard = await page.evaluate(
      () => (window as unknown as { heardAtReady: number }).heardAtReady,
    );
    // The hello: one window message (the rest goes over its port).
    expect(heard).toBe(1);
    // The focus() made at pay-ready reached the served field at once, and the app kept it.
    await expect(frameOf(page, 'card').locator('input#expiry')).toBeFocused();
    app.release();
    await expect(
      frameOf(page, 'card').locator('pay-card-form:not([defer-hydration])'),
    ).toBeAttached();
    await expect(frameOf(page, 'card').locator('input#expiry')).toBeFocused();
  });

  test('tokenize() before every frame is ready waits for the group', async ({ page }) => {
    // The CVC frame arrives late (a slow network or a busy machine); the number frame leads.
    let delayed = 0;
    await page.route(isFrameDocument, async (route) => {
      const iframe = await route.request().frame().frameElement();
      if (await iframe.evaluate((el) => el.parentElement?.id === 'cvc')) {
        delayed += 1;
        await new Promise((resolve) => setTimeout(resolve, 4000));
      }
      await route.continue();
    });
    // Not waiting for `load`: that waits for every frame.
    await page.goto(`${HOST}/split.html`, { waitUntil: 'domcontentloaded' });
    const outcome = await page.evaluate(async () => {
      await customElements.whenDefined('pay-card-fields');
      return window.tokenizeGroup('group');
    });
    // The empty card's own error, not a "not ready" failure.
    expect(outcome).toMatchObject({ ok: false, code: 'incomplete_number' });
    expect(delayed).toBe(1);
  });
});

test.describe("a frame's document coming and going", () => {
  test('disconnect and reconnect (StrictMode-style) keeps one frame and one connection', async ({
    page,
  }) => {
    await open(page, '/split.html');
    const readyBefore = (await events(page)).filter(
      (e) => e.type === 'pay-ready' && e.target === 'number',
    ).length;
    await page.evaluate(() => {
      const field = document.getElementById('number')!;
      const next = field.nextSibling;
      const parent = field.parentNode!;
      field.remove();
      parent.insertBefore(field, next);
      // A second connectedCallback while connected must be a no-op.
      (field as HTMLElement & { connectedCallback(): void }).connectedCallback();
    });
    await page.waitForFunction(
      (count) =>
        window.payEvents.filter((e) => e.type === 'pay-ready' && e.target === 'number').length >
        count,
      readyBefore,
    );
    expect(await page.locator('#number iframe').count()).toBe(1);
    await fillSplit(page, '', '4242424242424242', '1234', '123');
    expect(await tokenize(page)).toMatchObject({ ok: true });
  });

  test('a frame that loads again gets a fresh connection and an empty field', async ({ page }) => {
    const problems = watchConsole(page);
    await open(page, '/split.html');
    await fillSplit(page, '', '4242424242424242', '1234', '123');
    await expect(page.locator('#number')).toHaveJSProperty('state.complete', true);
    const readyCount = async () =>
      (await events(page)).filter((e) => e.type === 'pay-ready' && e.target === 'number').length;
    const readyBefore = await readyCount();

    // The number frame's document reloads (a browser restore, a crash recovery, a navigation).
    const frame = page.frames().find((f) => f.url().includes('/number.html'))!;
    await frame.evaluate(() => setTimeout(() => location.reload()));
    await expect.poll(readyCount).toBeGreaterThan(readyBefore);

    const numberChanges = (await events(page)).filter(
      (e) => e.type === 'pay-change' && e.target === 'number',
    );
    expect(numberChanges.at(-1)?.detail).toEqual({
      field: 'number',
      empty: true,
      complete: false,
      valid: true,
    });
    expect(await page.locator('#number').evaluate((el) => el.matches(':state(empty)'))).toBe(true);
    await expect(frameOf(page, 'number').locator('input#number')).toHaveValue('');
    // The new connection carries calls both ways: config in, state out, tokenize.
    await expect(frameOf(page, 'number').locator('input#number')).toHaveAttribute(
      'aria-label',
      'Card number',
    );
    expect(await tokenize(page)).toMatchObject({ ok: false, code: 'incomplete_number' });
    await typeInto(page, 'number', '5555555555554444');
    await expect(page.locator('#number')).toHaveJSProperty('state.complete', true);
    expect(await tokenize(page)).toMatchObject({
      ok: true,
      result: { card: { brand: 'mastercard', last4: '4444' } },
    });
    expect(problems).toEqual([]);
  });

  test('a frame that loads but never answers fails tokenize() with frame_not_ready', async ({
    page,
  }) => {
    const problems = watchConsole(page);
    // The CVC frame's URL answers with a page that is not the frame app (e.g. a wrong gateway).
    await page.route(isFrameDocument, async (route) => {
      const iframe = await route.request().frame().frameElement();
      if (await iframe.evaluate((el) => el.parentElement?.id === 'cvc')) {
        await route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>Other</title>',
        });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${HOST}/split.html`);
    const outcome = await page.evaluate(() => window.tokenizeGroup('group'));
    expect(outcome).toMatchObject({ ok: false, code: 'frame_not_ready' });
    expect(problems.join('\n')).toContain('did not answer. Check the gateway attribute');
  });
});

test.describe('groups and their readiness', () => {
  test('two groups on one page stay apart', async ({ page }) => {
    await open(page, '/two-groups.html', ['first', 'second']);
    await fillSplit(page, 'first-', '4242424242424242', '1234', '123');
    await fillSplit(page, 'second-', '378282246310005', '1134', '1234');
    // The second group has a name field: required there, absent from the first.
    expect(await tokenize(page, 'second')).toMatchObject({ ok: false, code: 'incomplete_name' });
    await typeInto(page, 'second-name', 'Jane Doe', 'name');
    const [first, second] = [await tokenize(page, 'first'), await tokenize(page, 'second')];
    expect(first).toMatchObject({ ok: true, result: { card: { brand: 'visa', last4: '4242' } } });
    // The amex brand reached only the second group's CVC frame: 4 digits there, 3 in the first.
    expect(second).toMatchObject({ ok: true, result: { card: { brand: 'amex', last4: '0005' } } });
  });

  test("the group's pay-ready comes once per set of fields: again for a field swapped in, not for the same set reconnecting", async ({
    page,
  }) => {
    await open(page, '/split.html');
    const groupReadies = async () =>
      (await events(page))
        .filter((e) => e.type === 'pay-ready' && e.target === 'group')
        .map((e) => (e.detail as { fields: string[] }).fields);
    expect(await groupReadies()).toEqual([['number', 'expiry', 'cvc']]);
    // The same three fields, one leaving and coming back: no new announcement.
    const expiryReadies = (await events(page)).filter(
      (e) => e.type === 'pay-ready' && e.target === 'expiry',
    ).length;
    await page.evaluate(() => {
      const field = document.getElementById('expiry')!;
      const next = field.nextSibling;
      field.remove();
      next!.parentNode!.insertBefore(field, next);
    });
    await page.waitForFunction(
      (count) =>
        window.payEvents.filter((e) => e.type === 'pay-ready' && e.target === 'expiry').length >
        count,
      expiryReadies,
    );
    expect(await groupReadies()).toHaveLength(1);
    // A new CVC element in place of the old one: a set of the same size, but another set.
    await page.evaluate(() => {
      const old = document.getElementById('cvc')!;
      const fresh = document.createElement('pay-card-cvc');
      fresh.id = 'cvc2';
      old.replaceWith(fresh);
    });
    await expect.poll(groupReadies).toEqual([
      ['number', 'expiry', 'cvc'],
      ['number', 'expiry', 'cvc'],
    ]);
    await page.waitForTimeout(500);
    expect(await groupReadies()).toHaveLength(2);
  });

  test('events name their field and a group announces its readiness once', async ({ page }) => {
    await open(page, '/two-groups.html', ['first', 'second']);
    const all = await events(page);
    const ready = all.filter((e) => e.type === 'pay-ready');
    // The four-field group: once, naming its fields; its fields each once, on their own.
    expect(ready.filter((e) => e.target === 'second')).toEqual([
      expect.objectContaining({ detail: { fields: ['number', 'expiry', 'cvc', 'name'] } }),
    ]);
    for (const [id, field] of [
      ['second-number', 'number'],
      ['second-expiry', 'expiry'],
      ['second-cvc', 'cvc'],
      ['second-name', 'name'],
    ]) {
      expect(ready.filter((e) => e.target === id).map((e) => e.detail)).toEqual([{ field }]);
    }
    // A listener on the document (or a group) hears only the groups' readiness.
    expect((await page.evaluate(() => window.readyHeard)).sort()).toEqual(['first', 'second']);

    await typeInto(page, 'second-number', '4242', 'number');
    await typeInto(page, 'second-name', 'Jane', 'name');
    await expect
      .poll(async () =>
        (await events(page))
          .filter((e) => ['pay-change', 'pay-focus', 'pay-blur'].includes(e.type))
          .map((e) => `${e.type} ${e.target} ${(e.detail as { field: string }).field}`),
      )
      .toEqual(
        expect.arrayContaining([
          'pay-focus second-number number',
          'pay-change second-number number',
          'pay-blur second-number number',
          'pay-focus second-name name',
          'pay-change second-name name',
        ]),
      );
    for (const e of await events(page)) {
      if (e.type === 'pay-ready' || e.type === 'pay-error') continue;
      expect((e.detail as { field: string }).field).toBe(e.target.replace(/^\w+-/, ''));
    }
  });
});

test.describe('the element in the page: calls, labels, autofill', () => {
  test('focus(), blur() and clear() on a field element', async ({ page }) => {
    await open(page, '/split.html');
    await typeInto(page, 'number', '4242424242424242');
    await page.evaluate(() => (document.getElementById('expiry') as HTMLElement).focus());
    await expect(frameOf(page, 'expiry').locator('input#expiry')).toBeFocused();
    await page.evaluate(() => (document.getElementById('expiry') as HTMLElement).blur());
    await page.waitForFunction(() =>
      window.payEvents.some((e) => e.type === 'pay-blur' && e.target === 'expiry'),
    );
    await page.evaluate(() =>
      (document.getElementById('number') as HTMLElement & { clear(): void }).clear(),
    );
    await expect(frameOf(page, 'number').locator('input#number')).toHaveValue('');
    await expect(page.locator('#number')).toHaveJSProperty('state', {
      empty: true,
      complete: false,
      valid: true,
    });
  });

  test('the label names the combined field: iframe title and form group', async ({ page }) => {
    await open(page, '/combined.html');
    const iframe = page.locator('#card > iframe');
    await expect(iframe).toHaveAttribute('title', 'Card');
    await expect(frameOf(page, 'card').getByRole('group', { name: 'Card' })).toBeVisible();
    await page.evaluate(() => document.getElementById('card')!.removeAttribute('label'));
    await expect(iframe).toHaveAttribute('title', 'Card details');
    await expect(frameOf(page, 'card').getByRole('group', { name: 'Card details' })).toBeVisible();

    // Split fields take their <label for> text as the frame title.
    await open(page, '/split.html');
    await expect(page.locator('#number > iframe')).toHaveAttribute('title', 'Card number');
    await expect(page.locator('#expiry > iframe')).toHaveAttribute('title', 'Expiry date');
  });

  test('browser autofill fills the combined field', async ({ page }) => {
    await open(page, '/combined.html');
    const card = frameOf(page, 'card');
    await card.locator('input#number').click();
    await autofill(page, 'card', {
      number: '4242424242424242',
      name: 'Jane Doe',
      expiryMonth: '12',
      expiryYear: '2030',
      cvc: '123',
    });
    await expect(card.locator('input#number')).toHaveValue('4242 4242 4242 4242');
    await expect(card.locator('input#expiry')).toHaveValue(/^12 \/ (20)?30$/);
    await expect(card.locator('input#name')).toHaveValue('Jane Doe');
    await expect(page.locator('#card')).toHaveJSProperty('state.complete', true);
    const outcome = await tokenize(page);
    expect(outcome).toMatchObject({
      ok: true,
      result: { card: { last4: '4242', exp_year: 2030 } },
    });
  });
});

test.describe('configuration: properties, keys, fonts, the gateway', () => {
  test('web fonts are given once per group, https only', async ({ page }) => {
    await open(page, '/split.html');
    await page.evaluate(() => {
      const group = document.getElementById('group') as HTMLElement & { fonts: object[] };
      group.fonts = [
        { family: 'Brand Sans', src: 'https://fonts.example/brand.woff2' },
        { family: 'Plain', src: 'http://fonts.example/plain.woff2' },
      ];
    });
    for (const field of ['number', 'cvc']) {
      const frame = page.frames().find((f) => f.url().includes(`/${field}.html`))!;
      await expect
        .poll(() => frame.evaluate(() => [...document.fonts].map((font) => font.family)))
        .toEqual(['"Brand Sans"']);
    }
  });

  test('a missing or wrong publishable key gives an error event and says what to fix', async ({
    page,
  }) => {
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await page.goto(`${HOST}/split.html?key=`);
    await page.waitForFunction(() => window.payEvents.some((e) => e.type === 'pay-error'));
    expect((await events(page)).find((e) => e.type === 'pay-error')?.detail).toMatchObject({
      code: 'missing_publishable_key',
    });
    expect(messages.join('\n')).toContain('publishable-key="pk_test_..."');

    await open(page, '/split.html?key=pk_test_unknown');
    await fillSplit(page, '', '4242424242424242', '1234', '123');
    expect(await tokenize(page)).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(messages.join('\n')).toContain('did not accept publishable-key "pk_test_unknown"');
  });

  test('properties set before and after the SDK defines the elements configure them', async ({
    page,
  }) => {
    await open(page, '/properties.html', ['before', 'alias', 'after']);
    // Taken over at upgrade: reflected to the attributes and sent to the frames.
    const before = page.locator('#before');
    await expect(before).toHaveAttribute('publishable-key', 'pk_test_fields');
    await expect(before).toHaveJSProperty('name', 'before_token');
    await expect(page.locator('#before-number > iframe')).toHaveAttribute('title', 'before number');
    const beforeNumber = frameOf(page, 'before-number').locator('input#number');
    await expect(beforeNumber).toHaveAttribute('aria-label', 'before number');
    await expect(beforeNumber).toHaveAttribute('placeholder', 'number here');
    await expect(frameOf(page, 'after-cvc').locator('input#cvc')).toHaveAttribute(
      'placeholder',
      'cvc here',
    );

    await fillSplit(page, 'before-', '4242424242424242', '1234', '123');
    expect(await tokenize(page, 'before')).toMatchObject({
      ok: true,
      result: { card: { last4: '4242' } },
    });
    await fillSplit(page, 'after-', '5555555555554444', '1234', '123');
    expect(await tokenize(page, 'after')).toMatchObject({
      ok: true,
      result: { card: { last4: '4444' } },
    });
    // The lowercase attribute React and Vue write is the key: the frame gets past the key check.
    expect(await tokenize(page, 'alias')).toMatchObject({ ok: false, code: 'incomplete_number' });

    // A property set later goes to the frames like its attribute.
    await page.evaluate(() => {
      (document.getElementById('after-number') as HTMLElement & { label: string }).label =
        'Renamed';
    });
    await expect(frameOf(page, 'after-number').locator('input#number')).toHaveAttribute(
      'aria-label',
      'Renamed',
    );
    const setDisabled = (disabled: boolean) =>
      page.evaluate((value) => {
        (document.getElementById('after') as HTMLElement & { disabled: boolean }).disabled = value;
      }, disabled);
    await setDisabled(true);
    await expect(page.locator('#after')).toHaveAttribute('disabled', '');
    for (const kind of ['number', 'expiry', 'cvc']) {
      await expect(frameOf(page, `after-${kind}`).locator(`input#${kind}`)).toBeDisabled();
    }
    await expect(frameOf(page, 'before-number').locator('input#number')).toBeEnabled();
    await setDisabled(false);
    await expect(frameOf(page, 'after-number').locator('input#number')).toBeEnabled();
  });

  test('a bundled SDK without gateway fails at once with missing_gateway; with gateway it works', async ({
    page,
  }) => {
    const problems = watchConsole(page);
    await open(page, '/bundled.html');
    const error = (await events(page)).find((e) => e.type === 'pay-error');
    expect(error).toMatchObject({ target: 'nogateway', detail: { code: 'missing_gateway' } });
    expect((error!.detail as { message: string }).message).toContain('gateway="https://');
    // Told at once, not after a frame timed out (its handshake waits 10 s).
    const sdkLoaded = await page.evaluate(
      () =>
        (
          performance.getEntriesByName(
            new URL('/vendor/pay.js', location.href).href,
          )[0] as PerformanceResourceTiming
        ).responseEnd,
    );
    expect(error!.at - sdkLoaded).toBeLessThan(1000);
    expect(await page.locator('#nogateway-number iframe').count()).toBe(0);
    expect(await tokenize(page, 'nogateway')).toMatchObject({ ok: false, code: 'missing_gateway' });
    expect(problems.join('\n')).toContain('gateway="https://');

    await fillSplit(page, '', '4242424242424242', '1234', '123');
    expect(await tokenize(page)).toMatchObject({ ok: true, result: { card: { last4: '4242' } } });
  });
});

test.describe('a quiet console and strict pages', () => {
  for (const path of QUIET_PAGES) {
    test(`${path} prints no console error or warning while loading and tokenizing`, ({ page }) =>
      expectQuietCheckout(page, path));
  }

  // Without site isolation (Android, low-memory devices) a postMessage to a frame of another
  // origin prints a warning on the merchant page's console; with it the browser drops it silently.
  test('a page with a third-origin iframe prints nothing with every frame in one process', async ({
    playwright,
  }) => {
    const browser = await playwright.chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--disable-site-isolation-trials'],
    });
    try {
      await expectQuietCheckout(await browser.newPage(), '/forged.html');
    } finally {
      await browser.close();
    }
  });

  test('a page enforcing Trusted Types shows the fields and tokenizes, with no violation', async ({
    page,
  }) => {
    const problems = watchConsole(page);
    const response = await page.goto(`${HOST}/trusted-types.html`);
    expect(response!.headers()['content-security-policy']).toContain(
      "require-trusted-types-for 'script'",
    );
    await page.waitForFunction(() =>
      window.payEvents.some((e) => e.type === 'pay-ready' && e.target === 'group'),
    );
    await expect(page.locator('#number')).toHaveJSProperty('state.empty', true);
    await fillSplit(page, '', '4242424242424242', '1234', '123');
    expect(await tokenize(page)).toMatchObject({ ok: true, result: { card: { last4: '4242' } } });
    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test.describe('with a gateway that goes down', () => {
  let gateway: GatewayProcess | undefined;

  test.afterEach(() => gateway?.kill());

  test('tokenize gives network_error and the input is kept', async ({ page }) => {
    test.setTimeout(90_000);
    gateway = await startGateway({
      env: { PAY_SEED_PUBLISHABLE_KEY: 'pk_test_fields', PAY_SEED_SECRET_KEY: 'sk_test_fields' },
    });
    await open(page, `/split.html?gateway=${gateway.url}`);
    await fillSplit(page, '', '4242424242424242', '1234', '123');
    await gateway.kill();

    expect(await tokenize(page)).toMatchObject({ ok: false, code: 'network_error' });
    await expect(frameOf(page, 'number').locator('input#number')).toHaveValue(
      '4242 4242 4242 4242',
    );
    await expect(frameOf(page, 'cvc').locator('input#cvc')).toHaveValue('123');
  });
});
