// A field's life as the shopper and the merchant's code see it, across two real origins: ready
// means the field as it will stay (French, the merchant's styles: nothing changes after), and
// the page's calls take effect in the order it made them, across the frames of the group.
import { test, expect, type Page } from '@playwright/test';
import { throttleCpu } from '../harness/cpu-throttle.js';
import { HOST } from './servers.js';
import { holdBack, typeInto } from './steps.js';

type Outcome = { ok: true; result: { card: { last4: string } } } | { ok: false; code: string };

/** What pages/record.js gives every test page. */
interface Recorded {
  payEvents: { type: string; target: string }[];
  tokenizeGroup(id: string): Promise<Outcome>;
}

const FIELDS = ['number', 'expiry', 'cvc'] as const;

async function groupReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as Recorded).payEvents.some(
        (e) => e.type === 'pay-ready' && e.target === 'group',
      ),
    undefined,
    { timeout: 60_000 },
  );
}

/** Each field's iframe as the shopper sees it on the page. */
async function screenshots(page: Page): Promise<Buffer[]> {
  const shots: Buffer[] = [];
  for (const field of FIELDS)
    shots.push(await page.locator(`#${field} > iframe`).screenshot({ animations: 'disabled' }));
  return shots;
}

/** What each frame's input shows: its words, colour, size and language. */
async function looks(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const field of FIELDS) {
    const frame = await (await page.locator(`#${field} > iframe`).elementHandle())!.contentFrame();
    out.push(
      await frame!.evaluate(() => {
        const input = document.querySelector('pay-card-form')!.shadowRoot!.querySelector('input')!;
        const style = getComputedStyle(input);
        return [
          input.getAttribute('aria-label'),
          input.placeholder,
          style.color,
          style.fontSize,
          document.documentElement.lang,
        ].join(' | ');
      }),
    );
  }
  return out;
}

/** Each frame as it looked at pay-ready, compared with how it looks now. */
async function expectSameAsAtReady(page: Page, atReady: Buffer[], lookAtReady: string[]) {
  const later = await screenshots(page);
  for (const [i, field] of FIELDS.entries())
    expect(later[i]!.equals(atReady[i]!), `${field}: the frame looks the same 3 s later`).toBe(
      true,
    );
  expect(await looks(page)).toEqual(lookAtReady);
}

/** Where the text below the fields sits: the page must not move after pay-ready. */
const below = (page: Page) => page.locator('#below').evaluate((p) => p.getBoundingClientRect().top);

test.describe('ready means the field as it will stay', () => {
  test('the app held back: at pay-ready each frame shows its final look, and the app changes nothing', async ({
    page,
  }) => {
    const app = await holdBack(page, '**/frame/v1/assets/app-*.js');
    await page.goto(`${HOST}/final-look.html`);
    await groupReady(page);
    const atReady = await screenshots(page);
    const lookAtReady = await looks(page);
    expect(lookAtReady[0]).toBe(
      'Numéro de carte | 1234 1234 1234 1234 | rgb(29, 78, 216) | 22px | fr',
    );
    expect(lookAtReady[1]).toContain('Date d’expiration (MM / AA) | MM / AA | rgb(29, 78, 216)');
    const top = await below(page);
    app.release();
    // Every app has hydrated its served field.
    for (const field of FIELDS)
      await expect(
        page.frameLocator(`#${field} > iframe`).locator('pay-card-form:not([defer-hydration])'),
      ).toBeAttached();
    await page.waitForTimeout(3000);
    await expectSameAsAtReady(page, atReady, lookAtReady);
    expect(await below(page)).toBe(top);
  });

  test('the CPU 4× slower: each frame at pay-ready looks as it does 3 s later; the page does not move', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await throttleCpu(context, page, 4);
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
          shifts.push(entry.startTime, entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${HOST}/final-look.html`);
    await groupReady(page);
    const atReady = await screenshots(page);
    const lookAtReady = await looks(page);
    await page.waitForTimeout(3000);
    await expectSameAsAtReady(page, atReady, lookAtReady);
    // No layout shift after the group's pay-ready (the frames were sized before it).
    const after = await page.evaluate(() => {
      const ready = performance
        .getEntriesByType('mark')
        .find((m) => m.name === 'group-ready')?.startTime;
      const shifts = (window as unknown as { shifts: number[] }).shifts;
      const late: number[] = [];
      for (let i = 0; i < shifts.length; i += 2)
        if (ready !== undefined && shifts[i]! > ready) late.push(shifts[i + 1]!);
      return { ready, late };
    });
    expect(after.ready).toBeDefined();
    expect(after.late).toEqual([]);
  });
});

test.describe('calls take effect in the order the page made them', () => {
  test('clear() then tokenize() never tokenizes the cleared CVC: 50 of 50', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`${HOST}/final-look.html`);
    await groupReady(page);
    await typeInto(page, 'number', '4242424242424242');
    await typeInto(page, 'expiry', '1234');
    const cvc = page.frameLocator('#cvc > iframe').locator('input#cvc');
    const outcomes: string[] = [];
    for (let i = 0; i < 50; i++) {
      await cvc.click();
      await cvc.pressSequentially('123');
      await expect(page.locator('#cvc')).toHaveJSProperty('state.complete', true);
      outcomes.push(
        await page.evaluate(async () => {
          (document.getElementById('cvc') as HTMLElement & { clear(): void }).clear();
          const outcome = await (window as unknown as Recorded).tokenizeGroup('group');
          return outcome.ok ? 'a token' : outcome.code;
        }),
      );
    }
    expect(outcomes).toEqual(Array(50).fill('incomplete_cvc'));
  });

  test('a property set, then tokenize(); and tokenize(), then clear(): each in the order made', async ({
    page,
  }) => {
    await page.goto(`${HOST}/final-look.html`);
    await groupReady(page);
    await typeInto(page, 'number', '4242424242424242');
    await typeInto(page, 'expiry', '1234');
    await typeInto(page, 'cvc', '123');
    // A brand the group stops accepting just before tokenize(): the tokenize sees it.
    const refused = await page.evaluate(async () => {
      const group = document.getElementById('group') as HTMLElement & {
        acceptedBrands: string[];
      };
      group.acceptedBrands = ['amex'];
      const outcome = await (window as unknown as Recorded).tokenizeGroup('group');
      group.acceptedBrands = null as unknown as string[];
      return outcome.ok ? 'a token' : outcome.code;
    });
    expect(refused).toBe('unsupported_brand');
    // tokenize() first, clear() right after: the tokenize took the card as it was.
    const first = await page.evaluate(async () => {
      const tokenize = (window as unknown as Recorded).tokenizeGroup('group');
      (document.getElementById('number') as HTMLElement & { clear(): void }).clear();
      const outcome = await tokenize;
      return outcome.ok ? outcome.result.card.last4 : outcome.code;
    });
    expect(first).toBe('4242');
    // And the clear() made after it took effect too.
    expect(
      await page.evaluate(async () => {
        const outcome = await (window as unknown as Recorded).tokenizeGroup('group');
        return outcome.ok ? 'a token' : outcome.code;
      }),
    ).toBe('incomplete_number');
  });

  test('calls made before the fields are ready are not lost, and run in order', async ({
    page,
  }) => {
    await page.goto(`${HOST}/final-look.html`, { waitUntil: 'commit' });
    // As soon as the elements exist, before any frame has spoken: focus the expiry, then the CVC.
    await page.waitForFunction(() => customElements.get('pay-card-cvc') !== undefined);
    await page.evaluate(() => {
      (document.getElementById('expiry') as HTMLElement).focus();
      (document.getElementById('cvc') as HTMLElement).focus();
    });
    await groupReady(page);
    await expect(page.frameLocator('#cvc > iframe').locator('input#cvc')).toBeFocused();
  });
});
