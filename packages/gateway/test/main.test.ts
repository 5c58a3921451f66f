import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startChild as start, stopChild as stop } from './child-gateway.js';

describe('main.ts (env configuration)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-main-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the given keys, prints URL and keys, and answers /healthz', async () => {
    const gw = await start({
      DATA_DIR: dataDir,
      PAY_SEED_PUBLISHABLE_KEY: 'pk_test_e2e',
      PAY_SEED_SECRET_KEY: 'sk_test_e2e',
      PAY_TOKEN_RATE_LIMIT: '5000',
    });
    try {
      assert.match(gw.output(), /publishable key\s+pk_test_e2e/);
      assert.match(gw.output(), /secret key\s+sk_test_e2e/);
      assert.match(gw.output(), /generated a data key/);
      assert.ok(existsSync(join(dataDir, 'gateway.sqlite')));
      assert.equal((await fetch(`${gw.url}/healthz`)).status, 200);
      const token = await fetch(`${gw.url}/v1/tokens`, {
        method: 'POST',
        headers: { authorization: 'Bearer pk_test_e2e', 'content-type': 'application/json' },
        body: JSON.stringify({
          card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' },
        }),
      });
      assert.equal(token.status, 201);
      const { id } = (await token.json()) as { id: string };
      const payment = await fetch(`${gw.url}/v1/payments`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk_test_e2e', 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 10, currency: 'usd', token: id }),
      });
      assert.equal(payment.status, 201);
    } finally {
      await stop(gw);
    }
  });

  it('restarts on the same data: keeps the merchant and data key, never prints the stored secret', async () => {
    const gw = await start({ DATA_DIR: dataDir });
    try {
      assert.match(gw.output(), /publishable key\s+pk_test_e2e/);
      assert.doesNotMatch(gw.output(), /sk_test_e2e/);
      assert.doesNotMatch(gw.output(), /generated a data key/);
      const list = await fetch(`${gw.url}/v1/payments`, {
        headers: { authorization: 'Bearer sk_test_e2e' },
      });
      assert.equal(((await list.json()) as { data: unknown[] }).data.length, 1);
    } finally {
      await stop(gw);
    }
  });

  it('refuses a malformed PAY_DATA_KEY with a clear message', async () => {
    await assert.rejects(
      start({ DATA_DIR: dataDir, PAY_DATA_KEY: 'short' }),
      /PAY_DATA_KEY must be 32 bytes/,
    );
  });
});
