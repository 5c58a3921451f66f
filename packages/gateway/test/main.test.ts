import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startGateway, type GatewayProcess } from '../../../test/harness/gateway-process.js';

/** main.ts in its own process (the shared harness; port 0), configured by env alone. */
const start = (env: Record<string, string>) =>
  startGateway({ host: '127.0.0.1', env: { LOG_LEVEL: 'warn', ...env } });
const stop = (gateway: GatewayProcess) => gateway.stop();

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
      // Given in the environment: the banner says so, masked (a third of "e2e" at most).
      assert.match(gw.output(), /secret key\s+sk_test_…e \(from PAY_SEED_SECRET_KEY\)/);
      assert.doesNotMatch(gw.output(), /sk_test_e2e/);
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

  it('prints a generated secret key in full on first start only, masked after', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'gateway-main-generated-'));
    try {
      const first = await start({ DATA_DIR: fresh });
      let secret: string;
      try {
        const match = /secret key\s+(sk_test_[0-9a-f]{48}) \(generated now/.exec(first.output());
        assert.ok(match?.[1], first.output());
        secret = match[1];
        const list = await fetch(`${first.url}/v1/payments`, {
          headers: { authorization: `Bearer ${secret}` },
        });
        assert.equal(list.status, 200, 'the printed key is the real one');
      } finally {
        await stop(first);
      }
      const second = await start({ DATA_DIR: fresh });
      try {
        assert.ok(!second.output().includes(secret), 'the stored secret key was printed again');
        assert.ok(second.output().includes(`sk_test_…${secret.slice(-4)} (stored hashed`));
      } finally {
        await stop(second);
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('refuses a malformed PAY_DATA_KEY with a clear message', async () => {
    await assert.rejects(
      start({ DATA_DIR: dataDir, PAY_DATA_KEY: 'short' }),
      /PAY_DATA_KEY must be 32 bytes/,
    );
  });
});
