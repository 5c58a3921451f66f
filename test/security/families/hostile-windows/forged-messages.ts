// A third-origin frame inside the merchant page forges hellos (with ports it holds), gone,
// tokenize/clear/configure calls and tells, group messages, oversized and malformed payloads, and
// tampers with its siblings.
import type { Browser } from '@playwright/test';
import type { GatewayRun } from '../../lib/gateway-process.js';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';
import { frameOf, leakIn, tokenizeIn, typeCard } from '../../lib/merchant-page.js';
import { TEST_CARDS } from '../../lib/test-cards.js';

export async function forgerScenario(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: Attempts,
): Promise<void> {
  const card = TEST_CARDS[0]!;
  const context = await browser.newContext();
  let crashed = false;
  try {
    const page = await context.newPage();
    page.on('crash', () => (crashed = true));
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${merchant.origin}/victim.html`);
    await page.frameLocator('pay-card-number iframe').locator('input').waitFor();
    await page.waitForFunction(
      () =>
        (document.getElementById('group') as HTMLElement & { fields?: unknown[] }).fields
          ?.length === 4,
    );
    const groupId = await page.evaluate(
      () => (document.getElementById('group') as HTMLElement & { groupId: string }).groupId,
    );
    const forger = page.frames().find((f) => f.url().includes('/forger.html'));
    if (!forger) throw new Error('the forger frame did not load');
    await forger.waitForFunction(
      () => typeof (window as unknown as { attack?: unknown }).attack === 'function',
    );
    const numberFrame = await frameOf(page, 'number');

    // Attack before and after the card is typed: forged collect must not pull the values out.
    const sentBefore = await forger.evaluate(
      ([g, grp, h]) =>
        (window as unknown as { attack(a: string, b: string, c: string): number }).attack(
          g,
          grp,
          h,
        ),
      [gw.url, groupId, merchant.origin] as const,
    );
    await page.waitForTimeout(500);
    const states = await page.evaluate(() =>
      [...document.querySelectorAll('pay-card-number, pay-card-expiry, pay-card-cvc')].map(
        (field) => ({
          empty: (field as HTMLElement & { state: { empty: boolean } }).state.empty,
          ready: field.matches(':state(ready)'),
        }),
      ),
    );
    result.check(
      'forger: forged hellos and tells change no field (still empty, still the real frames)',
      states.every((s) => s.empty && s.ready) && page.url().endsWith('/victim.html'),
      `fields ${JSON.stringify(states)}, page ${page.url()}`,
    );
    await typeCard(page, 'split', card);
    const sentAfter = await forger.evaluate(
      ([g, grp, h]) =>
        (window as unknown as { attack(a: string, b: string, c: string): number }).attack(
          g,
          grp,
          h,
        ),
      [gw.url, groupId, merchant.origin] as const,
    );
    await page.waitForTimeout(1500);
    result.check(
      'forger: attack messages were really sent',
      sentBefore > 100 && sentAfter > 100,
      `sent ${sentBefore} and ${sentAfter}`,
    );

    const received = await forger.evaluate(
      () => (window as unknown as { received: string[] }).received,
    );
    const leaked = received.map((t) => leakIn(t, card)).find(Boolean);
    result.record(
      `forger: the third-origin frame learned nothing (${received.length} messages reached it)`,
      leaked && `${leaked} reached the forger`,
    );
    const gatewayReplies = received.filter((t) => t.startsWith(gw.url));
    result.check(
      'forger: the card frames never answered it',
      gatewayReplies.length === 0,
      `${gatewayReplies.length} messages from the gateway origin: ${gatewayReplies[0]?.slice(0, 200)}`,
    );

    // The forged clear/configure were ignored: the typed card is still there and tokenizes.
    const answer = await tokenizeIn(page);
    result.check(
      'forger: forged clear/tokenize/values ignored, the real card tokenizes',
      answer.ok && answer.last4 === card.number.slice(-4),
      `tokenize answered ${JSON.stringify(answer)}`,
    );
    const label = await numberFrame.evaluate(
      () =>
        document
          .querySelector('pay-card-form')
          ?.shadowRoot?.querySelector('input')
          ?.getAttribute('aria-label') ?? document.title,
    );
    result.check(
      'forger: forged configure ignored (label not replaced)',
      label !== 'x',
      `label is "${label}"`,
    );
    const height = await page.evaluate(
      () => (document.querySelector('pay-card-number iframe') as HTMLIFrameElement).style.height,
    );
    result.check(
      'forger: forged resize to the host ignored',
      height !== '1px',
      `number frame height ${height}`,
    );
    const tamper = await forger.evaluate(() =>
      (window as unknown as { tamper(): string[] }).tamper(),
    );
    await page.waitForTimeout(500);
    const stillGateway = page.frames().filter((f) => f.url().includes('/phish.html')).length === 0;
    result.check(
      'forger: cannot read or navigate the card frames',
      !tamper.some((t) => t.startsWith('read:') && t !== 'read:blocked') && stillGateway,
      `tamper: ${tamper.join(', ')}; phish frames: ${!stillGateway}`,
    );
    result.check(
      'forger: no crash of the page or the frames',
      !crashed && !pageErrors.some((e) => /pay/i.test(e)),
      `crashed ${crashed}, errors ${pageErrors.join(' | ').slice(0, 300)}`,
    );
  } finally {
    await context.close();
  }
}
