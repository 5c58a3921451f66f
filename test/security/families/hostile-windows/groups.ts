// Two groups on one page never mix; a copied group id on another origin gets nothing.
import type { Browser } from '@playwright/test';
import type { GatewayRun } from '../../lib/gateway-process.js';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';
import { tokenizeIn } from '../../lib/merchant-page.js';
import { TEST_CARDS } from '../../lib/test-cards.js';

export async function groupsScenario(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: Attempts,
): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${merchant.origin}/two-groups.html`);
    const a = TEST_CARDS[0]!;
    const b = TEST_CARDS[6]!;
    const typeInto = async (cls: string, card: typeof a) => {
      await page
        .frameLocator(`pay-card-number.${cls} iframe`)
        .locator('input')
        .pressSequentially(card.number, { timeout: 20_000 });
      await page
        .frameLocator(`pay-card-expiry.${cls} iframe`)
        .locator('input')
        .pressSequentially('1130');
      await page
        .frameLocator(`pay-card-cvc.${cls} iframe`)
        .locator('input')
        .pressSequentially(card.cvc);
    };
    await typeInto('a', a);
    await typeInto('b', b);
    const answers = await page.evaluate(async () => {
      const out: Record<string, unknown> = {};
      for (const id of ['a', 'b']) {
        try {
          const r = await (
            document.getElementById(id) as HTMLElement & {
              tokenize(): Promise<{ card: { last4: string } }>;
            }
          ).tokenize();
          out[id] = r.card.last4;
        } catch (e) {
          out[id] = (e as { code?: string }).code;
        }
      }
      return out;
    });
    result.check(
      'two groups on one page never mix',
      answers.a === a.number.slice(-4) && answers.b === b.number.slice(-4),
      `group a → ${String(answers.a)}, group b → ${String(answers.b)}`,
    );

    // Another origin copies group a's id into its own group: it must not get a's card.
    const groupId = await page.evaluate(
      () => (document.getElementById('a') as HTMLElement & { groupId: string }).groupId,
    );
    const thief = await context.newPage();
    await thief.goto(
      `${hostile.origin}/thief.html?group=${encodeURIComponent(groupId)}&pk=${gw.publishableKey}`,
    );
    await thief.waitForFunction(
      () => (window as unknown as { thiefReady?: boolean }).thiefReady === true,
    );
    await thief
      .frameLocator('pay-card-number iframe')
      .locator('input')
      .waitFor({ timeout: 20_000 });
    const stolen = await tokenizeIn(thief);
    result.check(
      'a page with a copied group id gets no token for that group',
      !stolen.ok && stolen.last4 === undefined,
      `thief's tokenize answered ${JSON.stringify(stolen)}`,
    );
  } finally {
    await context.close();
  }
}
