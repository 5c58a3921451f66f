// Family 2: hostile windows. A frame from a third origin inside the merchant page, and a page
// on a third origin that embeds the gateway's frames itself, throw forged handshakes, forged
// tokenize and group calls, oversized and malformed payloads and CSS injections at the
// frames and the SDK. Nothing may leak, nothing may crash, forged calls change nothing.
// Also: two groups never mix, autofill fills no attacker's group, a swapped frame is not
// trusted, and the frames' documents carry strict headers.
import { describe } from 'node:test';
import { failWithoutChromium, launchBrowser } from '../../lib/browser.js';
import { startGateway, stopGateway } from '../../lib/gateway-process.js';
import { merchantPage } from '../../lib/merchant-page.js';
import { startPageServer } from '../../lib/merchant-server.js';
import { attack } from '../../lib/results.js';
import { shared } from '../../lib/shared.js';
import { autofillCases, autofillPages, runCase } from './autofill-theft.js';
import { embedderScenario } from './embedder.js';
import { forgerScenario } from './forged-messages.js';
import { LOOKALIKE_HTML, frameSwap, swapPage, swapRace } from './frame-swap.js';
import { groupsScenario } from './groups.js';
import { headersScenario } from './headers.js';
import { styleInjection } from './hostile-styles.js';
import {
  FORGER_JS,
  THIEF_JS,
  embedderPage,
  groupThiefPage,
  twoGroupsPage,
  victimPage,
} from './pages.js';
import { threeDSecureScenario } from './three-d-secure.js';

export function hostileWindows(): void {
  describe('2 hostile windows', () => {
    if (failWithoutChromium()) return;
    /** The gateway, the hostile and the merchant page servers, and Chromium. */
    const site = shared(
      async () => {
        const gw = await startGateway();
        // Two origins on one port the system picks, the merchant's and the attacker's: the
        // servers start first, their pages (which name each other's origin) are added after.
        const merchantPages: Record<string, string> = {};
        const merchant = await startPageServer('127.0.0.1', 0, merchantPages);
        const hostilePages: Record<string, string> = {};
        const hostile = await startPageServer(
          '::1',
          Number(new URL(merchant.origin).port),
          hostilePages,
        );
        const MERCHANT_ORIGIN = merchant.origin;
        const autofill = autofillPages(gw, hostile.origin, MERCHANT_ORIGIN);
        Object.assign(hostilePages, {
          ...autofill.hostile,
          '/swap.html': swapPage(`${MERCHANT_ORIGIN}/autofill-checkout.html`),
          '/lookalike.html': LOOKALIKE_HTML,
          '/forger.html': '<!doctype html><title>ad</title><script src="/forger.js"></script>',
          '/forger.js': FORGER_JS,
          '/embedder.html': embedderPage(gw, MERCHANT_ORIGIN),
          '/thief.html': groupThiefPage(gw),
          '/thief.js': THIEF_JS,
          '/frame-3ds.html':
            '<!doctype html><title>3ds</title><script src="/forger.js"></script><body><script src="/frame-3ds.js"></script></body>',
          '/frame-3ds.js':
            "const f = document.createElement('iframe'); f.id = 'challenge'; f.title = 'challenge'; f.src = decodeURIComponent(location.hash.slice(1)); document.body.append(f);",
          '/phish.html': '<!doctype html><title>phish</title><input>',
        });
        Object.assign(merchantPages, {
          '/victim.html': victimPage(gw, hostile.origin),
          '/styled.html': merchantPage(gw.url, gw.publishableKey, 'split'),
          '/two-groups.html': twoGroupsPage(gw),
          ...autofill.merchant,
        });
        return { gw, hostile, merchant, browser: await launchBrowser() };
      },
      async ({ gw, hostile, merchant, browser }) => {
        await browser.close();
        await merchant.close();
        await hostile.close();
        await stopGateway(gw);
      },
    );

    for (const [name, scenario] of [
      ['forged messages from a third-origin frame', forgerScenario],
      ['a third origin embedding the frames', embedderScenario],
      ['hostile styles', styleInjection],
      ['groups', groupsScenario],
      ['3-D Secure page', threeDSecureScenario],
    ] as const) {
      attack(name, async (result) => {
        const { browser, gw, merchant, hostile } = await site.get();
        await scenario(browser, gw, merchant, hostile, result);
      });
    }
    describe('autofill', () => {
      // Named before the servers start; run with the origins they got.
      autofillCases('http://merchant.invalid', 'http://hostile.invalid').forEach((c, i) =>
        attack(c.name, async (result) => {
          const { browser, merchant, hostile } = await site.get();
          await runCase(browser, autofillCases(merchant.origin, hostile.origin)[i]!, result);
        }),
      );
    });
    attack('swapped frame', async (result) => {
      const { browser, merchant, hostile } = await site.get();
      await frameSwap(browser, merchant.origin, hostile.origin, result);
    });
    attack('swap race', async (result) => {
      const { browser, merchant, hostile, gw } = await site.get();
      await swapRace(browser, merchant.origin, hostile.origin, gw, 5, result);
    });
    attack('headers', async (result) => headersScenario((await site.get()).gw, result));
  });
}
