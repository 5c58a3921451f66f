// Hostile `--pay-*` styles and fonts set on the fields by the merchant page.
import type { Browser } from '@playwright/test';
import type { GatewayRun } from '../../lib/gateway-process.js';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';
import { frameOf, tokenizeIn, typeCard } from '../../lib/merchant-page.js';
import { TEST_CARDS } from '../../lib/test-cards.js';

/**
 * Run first in the merchant page: rewrites every configuration on its way into the frames. A
 * string, so that the runner's transpiler adds no helpers (esbuild's __name) the page lacks.
 */
const REWRITER = String.raw`(target) => {
  const poison = (config) => {
    window.rewritten = (window.rewritten ?? 0) + 1;
    config.styles = {
      '--pay-color': 'url(' + target + '/color)',
      '--pay-background': 'red;background-image:url(' + target + '/bg)',
      '--pay-font-family': 'x}body{background:url(' + target + '/ff)}',
      '--pay-font-size': 'expression(alert(1))',
      '--pay-padding': '1px url(' + target + '/pad)',
      '--pay-line-height': '1;behavior:url(x.htc)',
      'background-image': 'url(' + target + '/raw)',
      '--pay-placeholder-color': 'var(--x, url(' + target + '/var))',
      '--pay-caret-color': '\75rl(' + target + '/escaped)',
    };
    config.fonts = [
      { family: 'Evil', src: target + '/font' },
      { family: 'Evil2', src: 'https://evil.example/a.woff2) format("woff2"); src: url(' + target + '/font2' },
      { family: 'x"}', src: 'https://evil.example/f.woff2' },
      { family: 'Evil3', src: 'javascript:alert(1)' },
    ];
    config.label = '<img src=x onerror=alert(1)>';
    config.placeholder = '"><img src=x onerror=alert(2)>';
  };
  // The configuration in each frame URL's fragment, what the frame shows first.
  const src = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src');
  Object.defineProperty(HTMLIFrameElement.prototype, 'src', {
    ...src,
    set(value) {
      const url = new URL(value);
      const hash = new URLSearchParams(url.hash.slice(1));
      const config = JSON.parse(hash.get('config') ?? 'null');
      if (config) {
        poison(config);
        hash.set('config', JSON.stringify(config));
        url.hash = hash.toString();
      }
      src.set.call(this, url.href);
    },
  });
  // Every configure call on the frames' ports.
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (message, ...rest) {
    if (message?.method === 'configure' && message.args?.[0]) poison(message.args[0]);
    return post.call(this, message, ...rest);
  };
}`;

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
    // A page script rewrites every configuration on its way into the frame, the SDK's own filter
    // bypassed: the one in each frame URL's fragment (what the frame shows first) and every
    // configure call on the frames' ports.
    await page.addInitScript(`(${REWRITER})(${JSON.stringify(evil)})`);
    await page.goto(`${merchant.origin}/styled.html`);
    await page.frameLocator('pay-card-number iframe').locator('input').waitFor();
    // A change after ready goes as a configure call, rewritten on its way too.
    await page.evaluate(() => {
      for (const field of document.querySelectorAll('pay-card-number, pay-card-cvc'))
        field.setAttribute('placeholder', 'changed');
    });
    await page.waitForTimeout(1500);
    const rewritten = await page.evaluate(
      () => (window as unknown as { rewritten?: number }).rewritten ?? 0,
    );
    result.check(
      'styles: the hostile configurations were really sent (fragments and configure calls)',
      rewritten >= 6,
      `${rewritten} configurations rewritten`,
    );
    const frame = await frameOf(page, 'number');
    const inside = await frame.evaluate(() => ({
      inline: document.documentElement.style.cssText,
      sheets: [...document.styleSheets].length,
      images: document.querySelectorAll('img').length,
      computed: getComputedStyle(
        document.querySelector('pay-card-form')?.shadowRoot?.querySelector('input') ??
          document.body,
      ).backgroundImage,
      shadowImages: document.querySelector('pay-card-form')?.shadowRoot?.querySelectorAll('img')
        .length,
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
      inside.images === 0 && inside.shadowImages === 0 && inside.computed === 'none',
      `images ${inside.images} + ${inside.shadowImages}, background ${inside.computed}`,
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
