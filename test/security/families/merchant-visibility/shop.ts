// The demo shop as the merchant: its server started against the suite's gateway, a checkout
// through its pages with every channel recorded, its log lines kept for family 6.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { startShop as startShopProcess } from '../../../harness/shop-process.js';
import { ROOT, type GatewayRun } from '../../lib/gateway-process.js';
import { framesReady, typeCard, type Layout } from '../../lib/merchant-page.js';
import {
  recordMerchantRequests,
  recordMerchantSide,
  snapshot,
} from '../../lib/merchant-recorder.js';
import type { Attempts } from '../../lib/results.js';
import type { TestCard } from '../../lib/test-cards.js';
import { checkRecords } from './records.js';

export interface Shop {
  url: string;
  logLines: string[];
  stop(): Promise<void>;
}

/** The demo shop on a port the system picks, its log lines kept (LOG_LEVEL info) for family 6. */
export async function startShop(gw: GatewayRun): Promise<Shop | undefined> {
  if (!existsSync(join(ROOT, 'demo/server/main.ts'))) return undefined;
  const logLines: string[] = [];
  const shop = await startShopProcess({
    gatewayUrl: gw.url,
    publishableKey: gw.publishableKey,
    secretKey: gw.secretKey,
    env: { LOG_LEVEL: 'info' },
    onLine: (line) => line && logLines.push(line),
  });
  return { url: shop.url, logLines, stop: () => shop.stop() };
}

export async function shopRun(
  browser: Browser,
  gw: GatewayRun,
  shop: Shop,
  layout: Layout,
  card: TestCard,
  result: Attempts,
): Promise<void> {
  const label = `demo shop, ${layout}, ${card.brand} …${card.number.slice(-4)}`;
  const context = await browser.newContext({ baseURL: shop.url });
  const logStart = shop.logLines.length;
  try {
    const records = await recordMerchantSide(context, gw.url);
    const page = await context.newPage();
    recordMerchantRequests(page, gw.url, records);
    await page.goto('/');
    await Promise.all([
      page.waitForURL(/\/checkout\/ord_/),
      page.locator('form.product-buy button').first().click(),
    ]);
    const orderId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await page.goto(`/checkout/${orderId}?integration=${layout}&capture=automatic`);
    await framesReady(page, layout);
    await typeCard(page, layout, card);
    await snapshot(page);
    await Promise.all([
      page.waitForURL(/\/result\//, { timeout: 30_000 }),
      page.locator('#checkout-form button[type="submit"]').click(),
    ]);
    await page.waitForLoadState('load');
    await snapshot(page);
    const outcome = await page
      .locator('.result')
      .getAttribute('data-state')
      .catch(() => null);
    result.check(
      `${label}: checkout reached a result`,
      outcome === 'success' || outcome === 'failure',
      `result state ${String(outcome)}`,
    );
    records.push({ channel: 'cookies', text: JSON.stringify(await context.cookies()) });
    for (const line of shop.logLines.slice(logStart))
      records.push({ channel: 'server', text: line });
    checkRecords(result, label, card, records, undefined);
  } finally {
    await context.close();
  }
}
