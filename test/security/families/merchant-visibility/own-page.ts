// Every test card typed into the merchant's own page (split and combined fields), recorded
// on every channel the merchant origin has; and the control page that does leak.
import type { Browser } from '@playwright/test';
import type { GatewayRun } from '../../lib/gateway-process.js';
import { framesReady, leakIn, tokenizeIn, typeCard, type Layout } from '../../lib/merchant-page.js';
import {
  recordMerchantRequests,
  recordMerchantSide,
  snapshot,
} from '../../lib/merchant-recorder.js';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';
import { overRevealed } from '../../lib/revealed-digits.js';
import { TEST_CARDS, type TestCard } from '../../lib/test-cards.js';
import { checkRecords } from './records.js';

export async function ownPageRun(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  layout: Layout,
  card: TestCard,
  result: Attempts,
): Promise<void> {
  const label = `${layout} fields, ${card.brand} …${card.number.slice(-4)}`;
  const context = await browser.newContext();
  try {
    const records = await recordMerchantSide(context, gw.url);
    const page = await context.newPage();
    recordMerchantRequests(page, gw.url, records);
    // Every frame's console, the gateway frames' too: card data never reaches a log (rule 3 in docs/architecture.md).
    const consoleAll: string[] = [];
    page.on('console', (m) => consoleAll.push(`${m.location().url} ${m.text()}`));
    const before = merchant.received.length;
    await page.goto(`${merchant.origin}/${layout}.html`);
    await framesReady(page, layout);
    await typeCard(page, layout, card);
    const answer = await tokenizeIn(page);
    const tokenOk =
      answer.ok && answer.token?.startsWith('tok_') && answer.last4 === card.number.slice(-4);
    result.check(
      `${label}: typed card tokenizes (so the recording saw a real card)`,
      Boolean(tokenOk),
      `tokenize answered ${JSON.stringify(answer)}`,
    );
    result.record(
      `${label}: tokenize() shows at most length − 6 digits`,
      answer.ok ? overRevealed(card.number, [answer]) : 'tokenize failed',
    );
    await snapshot(page);
    records.push({ channel: 'cookies', text: JSON.stringify(await context.cookies()) });
    // Submit the form: the page posts to its own server, which records the body.
    await Promise.all([
      page.waitForURL(/\/checkout/, { timeout: 20_000 }),
      page.locator('#pay').click(),
    ]);
    for (const r of merchant.received.slice(before))
      records.push({
        channel: 'server',
        text: `${r.method} ${r.url} ${JSON.stringify(r.headers)} ${r.body}`,
      });
    const posted = merchant.received.slice(before).find((r) => r.method === 'POST');
    result.check(
      `${label}: the form posted a token`,
      /card_token=tok_/.test(posted?.body ?? ''),
      `posted body: ${posted?.body ?? '(none)'}`,
    );
    for (const text of consoleAll) records.push({ channel: 'console-all-frames', text });
    const csp = consoleAll.filter((t) => /Content Security Policy|Refused to/i.test(t));
    result.check(
      `${label}: no CSP violation in the page or the frames`,
      csp.length === 0,
      csp.join(' | ').slice(0, 300),
    );
    checkRecords(result, label, card, records, answer.token);
  } finally {
    await context.close();
  }
}

/** Control: a page that does leak must be caught, or the recording proves nothing. */
export async function controlRun(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  result: Attempts,
): Promise<void> {
  const card = TEST_CARDS[0]!;
  const context = await browser.newContext();
  try {
    const records = await recordMerchantSide(context, gw.url);
    const page = await context.newPage();
    await page.goto(`${merchant.origin}/leaky.html`);
    await page.waitForFunction(() => document.body.dataset.leaked === 'yes');
    await snapshot(page);
    const caught = ['console', 'dom', 'message', 'storage'].filter((channel) =>
      records.some((r) => r.channel === channel && leakIn(r.text, card)),
    );
    result.check(
      'control: a page that leaks is caught on every channel it leaks on',
      caught.length === 4,
      `caught on ${caught.join(', ') || 'nothing'}`,
    );
  } finally {
    await context.close();
  }
}
