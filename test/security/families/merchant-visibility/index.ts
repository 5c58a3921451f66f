// Family 1: card data never reaches the merchant side. Every test card is typed into the real
// fields (split and combined) on a merchant page, tokenized and submitted, while everything
// the merchant origin can observe is recorded; then the same through the demo shop. The full
// number and the CVC must appear nowhere (brand, bin, last4 and the token may), and bin and
// last4 together leave at least 6 digits hidden, short numbers included. The shop's back
// office refuses a DNS-rebinding request (a foreign Host with a matching Origin).
import { describe } from 'node:test';
import { failWithoutChromium, launchBrowser } from '../../lib/browser.js';
import { extraLogs } from '../../lib/extra-logs.js';
import { startGateway, stopGateway } from '../../lib/gateway-process.js';
import { merchantPage, type Layout } from '../../lib/merchant-page.js';
import { startPageServer } from '../../lib/merchant-server.js';
import { attack } from '../../lib/results.js';
import { shared } from '../../lib/shared.js';
import { SHORT_CARDS, TEST_CARDS, UNLISTED_CARDS, type TestCard } from '../../lib/test-cards.js';
import { backOfficeRebinding } from './back-office.js';
import { checksumBits } from './checksum-bits.js';
import { prefixBits } from './prefix-bits.js';
import { controlRun, ownPageRun } from './own-page.js';
import { rateLimitedFields } from './rate-limited-fields.js';
import { shopRun, startShop } from './shop.js';
import { shortCardAnswers } from './short-card-answers.js';

const LEAKY_JS = `console.log('card', '4242 4242 4242 4242'); sessionStorage.setItem('c', 'cvc 731');
      window.postMessage({ n: '4242424242424242' }, location.origin);
      setTimeout(() => { document.body.setAttribute('data-x', 'cvc: 731'); document.body.dataset.leaked = 'yes'; }, 50);`;

const last4 = (card: TestCard) => card.number.slice(-4);

export function merchantVisibility(): void {
  describe('1 card data vs merchant side', () => {
    if (failWithoutChromium()) return;
    /** The gateway, the merchant's own page server, and Chromium. */
    const site = shared(
      async () => {
        const gw = await startGateway();
        const sdk = await fetch(`${gw.url}/sdk/v1/pay.js`);
        const frame = await fetch(`${gw.url}/frame/v1/en/number.html`);
        if (!sdk.ok || !frame.ok) {
          await stopGateway(gw);
          throw new Error(
            `SDK and frames are not built (npm run build): GET /sdk/v1/pay.js ${sdk.status}, /frame/v1/en/number.html ${frame.status}`,
          );
        }
        const merchant = await startPageServer('127.0.0.1', 0, {
          '/split.html': merchantPage(gw.url, gw.publishableKey, 'split'),
          '/split-advance.html': merchantPage(
            gw.url,
            gw.publishableKey,
            'split',
            '',
            'auto-advance',
          ),
          '/card.html': merchantPage(gw.url, gw.publishableKey, 'card'),
          '/checkout': '<!doctype html><title>done</title><p>thanks</p>',
          '/leaky.html':
            '<!doctype html><title>leaky</title><body><script src="/leaky.js"></script></body>',
          '/leaky.js': LEAKY_JS,
        });
        extraLogs.push({
          name: 'merchant server (received requests)',
          lines: () => merchant.received.map((r) => `${r.method} ${r.url} ${r.body}`),
        });
        return { gw, merchant, browser: await launchBrowser() };
      },
      async ({ gw, merchant, browser }) => {
        await browser.close();
        await merchant.close();
        await stopGateway(gw);
      },
    );
    const shop = shared(
      async () => {
        const started = await startShop((await site.get()).gw);
        if (!started) throw new Error('demo shop present: demo/server/main.ts not found');
        const logs = started.logLines;
        extraLogs.push({ name: 'demo shop server', lines: () => logs });
        return started;
      },
      (started) => started.stop(),
    );
    const onOwnPage = (layout: Layout, card: TestCard, name: string) =>
      attack(
        name,
        async (result) => {
          const { browser, gw, merchant } = await site.get();
          await ownPageRun(browser, gw, merchant, layout, card, result);
        },
        { retry: true },
      );

    attack('control: a page that leaks is caught', async (result) => {
      const { browser, gw, merchant } = await site.get();
      await controlRun(browser, gw, merchant, result);
    });
    attack('short numbers through the API', async (result) =>
      shortCardAnswers((await site.get()).gw, result),
    );
    attack(
      'checksum bits',
      async (result) => {
        const { browser, merchant } = await site.get();
        await checksumBits(browser, merchant, result);
      },
      { retry: true },
    );
    attack(
      'prefix bits',
      async (result) => {
        const { browser, merchant } = await site.get();
        await prefixBits(browser, merchant, result);
      },
      { retry: true },
    );
    for (const card of TEST_CARDS)
      onOwnPage('split', card, `split fields, ${card.brand} …${last4(card)}`);
    for (const card of [TEST_CARDS[0]!, TEST_CARDS[7]!, TEST_CARDS[6]!])
      onOwnPage('card', card, `card field, ${card.brand} …${last4(card)}`);
    // Short numbers typed into the fields: tokenize() passes on the gateway's cut bin.
    for (const card of SHORT_CARDS)
      onOwnPage('split', card, `split fields, short ${card.brand} …${last4(card)}`);
    // Cards the shop does not print as hints (it shows the test-card table on its page).
    for (const [layout, card] of [
      ['split', UNLISTED_CARDS[0]!],
      ['card', UNLISTED_CARDS[1]!],
      ['split', UNLISTED_CARDS[2]!],
    ] as const) {
      attack(
        `demo shop, ${layout}, ${card.brand} …${last4(card)}`,
        async (result) => {
          const { browser, gw } = await site.get();
          await shopRun(browser, gw, await shop.get(), layout, card, result);
        },
        { retry: true },
      );
    }
    attack('demo shop back office: DNS rebinding', async (result) =>
      backOfficeRebinding((await site.get()).gw, await shop.get(), result),
    );
    attack('the fields report rate_limited', async (result) =>
      rateLimitedFields((await site.get()).browser, result),
    );
  });
}
