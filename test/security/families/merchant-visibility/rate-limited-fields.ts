// The fields tell the customer rate_limited once the gateway's /v1/tokens limit is reached.
import type { Browser } from '@playwright/test';
import { startGateway, stopGateway } from '../../lib/gateway-process.js';
import {
  framesReady,
  merchantPage,
  tokenizeIn,
  typeCard,
  type TokenizeAnswer,
} from '../../lib/merchant-page.js';
import { startPageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';
import { TEST_CARDS } from '../../lib/test-cards.js';

export async function rateLimitedFields(browser: Browser, result: Attempts): Promise<void> {
  const gw = await startGateway({ tokenRateLimit: 2 });
  const merchant = await startPageServer('127.0.0.2', 0, {
    '/split.html': merchantPage(gw.url, gw.publishableKey, 'split'),
  });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${merchant.origin}/split.html`);
    await framesReady(page, 'split');
    await typeCard(page, 'split', TEST_CARDS[0]!);
    const answers: TokenizeAnswer[] = [];
    for (let i = 0; i < 4; i++) answers.push(await tokenizeIn(page));
    const last = answers[answers.length - 1];
    result.check(
      'card testing: the fields report rate_limited after the limit',
      answers.filter((a) => a.ok).length === 2 && last?.code === 'rate_limited',
      `answers: ${JSON.stringify(answers.map((a) => a.ok || a.code))}`,
    );
  } finally {
    await context.close();
    await merchant.close();
    await stopGateway(gw);
  }
}
