// Hostile `--pay-*` styles and fonts set on the fields by the merchant page.
import type { Browser } from '@playwright/test';
import type { GatewayRun } from '../../lib/gateway-process.js';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';
import { frameOf, tokenizeIn, typeCard } from '../../lib/merchant-page.js';
import { TEST_CARDS } from '../../lib/test-cards.js';

export async function styleInjection(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: Attempts,
): Promise<void> {
  const context = await browser.newContext();
  const before = hostile.received.length;
  try {
    const page = await context.newPage();
    const evil = `${hostile.origin}/steal`;
    // A page script rewrites every configure call on its way into the frame (the SDK's own
    // filter is bypassed), and also sets the custom properties the SDK reads.
    await page.addInitScript((target: string) => {
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (
        this: MessagePort,
        message: unknown,
        ...rest: unknown[]
      ) {
        const m = message as {
          type?: string;
          methodPath?: string[];
          args?: Record<string, unknown>[];
        };
        if (m?.type === 'CALL' && m.methodPath?.[0] === 'configure' && m.args?.[0]) {
          const w = window as unknown as { rewritten?: number };
          w.rewritten = (w.rewritten ?? 0) + 1;
          m.args[0].styles = {
            '--pay-color': `url(${target}/color)`,
            '--pay-background': `red;background-image:url(${target}/bg)`,
            '--pay-font-family': `x}body{background:url(${target}/ff)}`,
            '--pay-font-size': 'expression(alert(1))',
            '--pay-padding': `1px url(${target}/pad)`,
            '--pay-line-height': '1;behavior:url(x.htc)',
            'background-image': `url(${target}/raw)`,
            '--pay-placeholder-color': `var(--x, url(${target}/var))`,
            '--pay-caret-color': `\\75rl(${target}/escaped)`,
          };
          m.args[0].fonts = [
            { family: 'Evil', src: `${target}/font` },
            {
              family: 'Evil2',
              src: `https://evil.example/a.woff2) format("woff2"); src: url(${target}/font2`,
            },
            { family: 'x"}', src: 'https://evil.example/f.woff2' },
            { family: 'Evil3', src: `javascript:alert(1)` },
          ];
          m.args[0].label = '<img src=x onerror=alert(1)>';
        }
        return (post as (...a: unknown[]) => void).call(this, message, ...rest);
      } as typeof post;
    }, evil);
    await page.goto(`${merchant.origin}/styled.html`);
    await page.frameLocator('pay-card-number iframe').locator('input').waitFor();
    await page.waitForTimeout(1500);
    const rewritten = await page.evaluate(
      () => (window as unknown as { rewritten?: number }).rewritten ?? 0,
    );
    result.check(
      'styles: the hostile configure calls were really sent',
      rewritten >= 4,
      `${rewritten} configure calls rewritten`,
    );
    const frame = await frameOf(page, 'number');
    const inside = await frame.evaluate(() => ({
      inline: document.documentElement.style.cssText,
      sheets: [...document.styleSheets].length,
      images: document.querySelectorAll('img').length,
      computed: getComputedStyle(document.querySelector('input') ?? document.body).backgroundImage,
    }));
    const stolen = hostile.received.slice(before).filter((r) => r.url.startsWith('/steal'));
    result.check(
      'styles: no url()/expression reaches the frame',
      !/url\(|expression|behavior|\\75/i.test(inside.inline),
      `frame root style: ${inside.inline.slice(0, 300)}`,
    );
    result.check(
      'styles: nothing was fetched from the attacker',
      stolen.length === 0,
      `requests: ${stolen.map((r) => r.url).join(', ')}`,
    );
    result.check(
      'styles: no markup injected through the label',
      inside.images === 0 && inside.computed === 'none',
      `images ${inside.images}, background ${inside.computed}`,
    );
    // The frame still works after the bad config.
    await typeCard(page, 'split', TEST_CARDS[6]!);
    const answer = await tokenizeIn(page);
    result.check(
      'styles: the frame still tokenizes after a hostile config',
      answer.ok,
      `tokenize answered ${JSON.stringify(answer)}`,
    );
  } finally {
    await context.close();
  }
}
