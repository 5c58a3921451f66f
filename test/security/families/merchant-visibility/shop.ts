// The demo shop as the merchant: its server started against the suite's gateway, a checkout
// through its pages with every channel recorded, its log lines kept for family 6.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
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

export const SHOP_PORT = 8827;

export interface Shop {
  url: string;
  child: ChildProcess;
  logLines: string[];
}

export async function startShop(gw: GatewayRun): Promise<Shop | undefined> {
  if (!existsSync(join(ROOT, 'demo/server/main.ts'))) return undefined;
  const logLines: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DEMO_PORT: String(SHOP_PORT),
      DEMO_HOST: '127.0.0.1',
      GATEWAY_URL: gw.url,
      DEMO_PUBLISHABLE_KEY: gw.publishableKey,
      DEMO_SECRET_KEY: gw.secretKey,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) =>
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
    );
  const url = `http://127.0.0.1:${SHOP_PORT}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, logLines };
    } catch {
      // starting
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill('SIGKILL');
  throw new Error(`the demo shop did not start:\n${logLines.slice(-10).join('\n')}`);
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
