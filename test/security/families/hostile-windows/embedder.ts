// A third origin embeds the gateway's frames itself and claims the merchant's origin.
import type { Browser } from '@playwright/test';
import type { GatewayRun } from '../../lib/gateway-process.js';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';
import { leakIn } from '../../lib/merchant-page.js';
import { TEST_CARDS } from '../../lib/test-cards.js';

export async function embedderScenario(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: Attempts,
): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Frames that believe their host is the merchant, embedded by the hostile origin.
    await page.goto(`${hostile.origin}/embedder.html?claimed=merchant`);
    const number = page.frameLocator('#n').locator('input');
    await number.waitFor({ timeout: 20_000 });
    await number.pressSequentially(TEST_CARDS[0]!.number);
    await page.frameLocator('#c').locator('input').pressSequentially(TEST_CARDS[0]!.cvc);
    const sent = await page.evaluate(
      ([g, h]) => {
        const w = window as unknown as {
          forgedMessages(group: string): unknown[];
          received: string[];
        };
        let n = 0;
        for (const message of w.forgedMessages('hostilegroup01')) {
          for (const f of [...document.querySelectorAll('iframe')]) {
            try {
              f.contentWindow?.postMessage(message, g);
              n++;
            } catch {
              // uncloneable on purpose
            }
          }
        }
        window.postMessage({ probe: h }, location.origin);
        return n;
      },
      [gw.url, merchant.origin] as const,
    );
    await page.waitForTimeout(1500);
    const received = await page.evaluate(
      () => (window as unknown as { received: string[] }).received,
    );
    const fromGateway = received.filter((t) => t.startsWith(gw.url));
    result.check(
      `embedder: frames told another host origin post nothing to the real parent (${sent} forged sent)`,
      fromGateway.length === 0,
      `${fromGateway.length} messages: ${fromGateway[0]?.slice(0, 200)}`,
    );
    const leaked = received.map((t) => leakIn(t, TEST_CARDS[0]!)).find(Boolean);
    result.record('embedder: nothing typed reaches the embedding page', leaked);
  } finally {
    await context.close();
  }
}
