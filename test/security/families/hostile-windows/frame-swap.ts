// Family 2, a swapped frame: a hostile page frames the checkout and navigates one card field's
// frame to a look-alike of its own whose `load` never fires (an image that never answers). The
// field must stop showing as ready at once, be hidden (no clicks, no keystrokes), and the group
// must not tokenize through it. The race: the hostile page first navigates the field's frame to a
// real gateway frame (a fragment of its own), then d ms later to the look-alike, so the swap lands
// while that gateway document loads, says hello, or just did: whatever d, the look-alike is never
// shown as the ready field.
import net from 'node:net';
import type { Browser, Frame } from '@playwright/test';
import type { Attempts } from '../../lib/results.js';

/** The hostile page's look-alike: a card input, and an image that holds `load` back forever. */
export const LOOKALIKE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card number</title></head>
<body><input id="number" autocomplete="cc-number" placeholder="1234 1234 1234 1234">
<script>const img = new Image(); img.src = 'http://127.0.0.1:' + location.hash.slice(1) + '/never'; document.body.append(img);</script></body></html>`;

/** The hostile top page: the merchant's checkout in a frame. */
export function swapPage(checkoutUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Swap</title></head>
<body><iframe id="checkout" title="checkout" width="700" height="420" src="${checkoutUrl}"></iframe></body></html>`;
}

/** A server that takes connections and never answers them. */
function silentServer(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () => {
          for (const s of sockets) s.destroy();
          server.close();
        },
      }),
    ),
  );
}

interface FieldView {
  ready: boolean;
  visibility: string;
}

async function numberField(checkout: Frame): Promise<FieldView> {
  return checkout.evaluate(() => {
    const field = document.querySelector('pay-card-number')!;
    return {
      ready: field.matches(':state(ready)'),
      visibility: getComputedStyle(field.querySelector('iframe')!).visibility,
    };
  });
}

export async function frameSwap(
  browser: Browser,
  merchantOrigin: string,
  hostileOrigin: string,
  result: Attempts,
): Promise<void> {
  const silent = await silentServer();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${hostileOrigin}/swap.html`);
    const checkout = page.frames().find((f) => f.url().includes('/autofill-checkout.html'));
    if (!checkout) throw new Error('the checkout frame did not load');
    await checkout.waitForFunction(
      () => document.querySelector('pay-card-number')?.matches(':state(ready)'),
      undefined,
      { timeout: 20_000 },
    );
    const before = await numberField(checkout);
    // The top page may navigate any frame below it: it puts its look-alike in the number field.
    await page.evaluate(
      ([url]) => {
        const checkoutWindow = window.frames[0]!;
        const numberWindow = checkoutWindow.frames[0]!;
        numberWindow.location.href = url!;
      },
      [`${hostileOrigin}/lookalike.html#${silent.port}`],
    );
    await page.waitForTimeout(1500);
    const after = await numberField(checkout);
    const swapped = page.frames().some((f) => f.url().includes('/lookalike.html'));
    result.check(
      'swapped frame: the look-alike really replaced the number frame',
      before.ready && swapped,
      `ready before ${before.ready}, look-alike loaded ${swapped}`,
    );
    result.check(
      'swapped frame: the field is no longer shown as ready',
      !after.ready,
      'the field still has :state(ready)',
    );
    result.check(
      'swapped frame: the look-alike is hidden (no clicks, no keystrokes)',
      after.visibility === 'hidden',
      `the iframe's visibility is ${after.visibility}`,
    );
    const answer = await checkout.evaluate(async () => {
      const group = document.getElementById('group') as HTMLElement & {
        tokenize(): Promise<unknown>;
      };
      const late = new Promise((resolve) => setTimeout(() => resolve('no answer in 20 s'), 20_000));
      return Promise.race([
        group.tokenize().then(
          () => 'a token',
          (e: { code?: string }) => e.code ?? 'error',
        ),
        late,
      ]);
    });
    result.check(
      'swapped frame: tokenize fails with frame_not_ready',
      answer === 'frame_not_ready',
      `tokenize answered ${String(answer)}`,
    );
  } finally {
    await context.close();
    silent.close();
  }
}

/** A real gateway frame document, with a fragment the hostile page made up. */
function gatewayFrame(gatewayUrl: string, merchantOrigin: string, publishableKey: string): string {
  return `${gatewayUrl}/frame/v1/en/number.html#${new URLSearchParams({
    origin: merchantOrigin,
    group: 'hostilegroup01',
    id: 'hostileframe01',
    config: JSON.stringify({ label: '', publishableKey }),
  })}`;
}

/**
 * Sweeps d from 0 to 20 ms, `rounds` times each: a fresh checkout, the number field ready, then
 * the hostile top page navigates its frame to a real gateway document and d ms later to the
 * look-alike. Once the look-alike is in, the field must not be ready, and its iframe hidden.
 */
export async function swapRace(
  browser: Browser,
  merchantOrigin: string,
  hostileOrigin: string,
  gateway: { url: string; publishableKey: string },
  rounds: number,
  result: Attempts,
): Promise<void> {
  const silent = await silentServer();
  const context = await browser.newContext();
  const real = gatewayFrame(gateway.url, merchantOrigin, gateway.publishableKey);
  const lookalike = `${hostileOrigin}/lookalike.html#${silent.port}`;
  let landed = 0;
  try {
    const page = await context.newPage();
    for (let round = 0; round < rounds; round++)
      for (let d = 0; d <= 20; d++) {
        await page.goto(`${hostileOrigin}/swap.html`);
        const checkout = page.frames().find((f) => f.url().includes('/autofill-checkout.html'));
        if (!checkout) throw new Error('the checkout frame did not load');
        await checkout.waitForFunction(
          () => document.querySelector('pay-card-number')?.matches(':state(ready)'),
          undefined,
          { timeout: 20_000 },
        );
        await page.evaluate(
          ([first, second, delay]) => {
            const numberWindow = window.frames[0]!.frames[0]!;
            numberWindow.location.href = first as string;
            setTimeout(() => (numberWindow.location.href = second as string), delay as number);
          },
          [real, lookalike, d] as const,
        );
        // Long enough for the real document to load, say hello and be swapped out.
        await page.waitForTimeout(600);
        const swapped = page.frames().some((f) => f.url().includes('/lookalike.html'));
        if (swapped) landed++;
        const view = await numberField(checkout);
        result.check(
          `swap race, d = ${d} ms: the look-alike is never the ready field`,
          !swapped || (!view.ready && view.visibility === 'hidden'),
          `look-alike in place, the field ready ${view.ready}, iframe ${view.visibility}`,
        );
      }
    result.check(
      'swap race: the look-alike really replaced the frame in most tries',
      landed >= (rounds * 21 * 3) / 4,
      `the look-alike landed in ${landed} of ${rounds * 21} tries`,
    );
  } finally {
    await context.close();
    silent.close();
  }
}
