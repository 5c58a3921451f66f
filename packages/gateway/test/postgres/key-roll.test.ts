import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { call, sk, startTwoInstances, tokenize, type TwoInstances } from './two-instances.js';
import type { GatewayProcess } from '../../../../test/harness/gateway-process.js';

/** Polls until `refused` answers 401 for `key` on `gw`; how long that took, in ms. */
async function untilRefused(gw: GatewayProcess, key: string, path: string, limitMs: number) {
  const started = performance.now();
  for (;;) {
    const answer = await call(gw, 'GET', path, { key });
    const elapsed = performance.now() - started;
    if (answer.status === 401 || answer.status === 403) return { elapsed, answer };
    assert.equal(answer.status, 200, answer.text);
    assert.ok(elapsed < limitMs, `still accepted after ${elapsed.toFixed(0)} ms`);
  }
}

// Each instance caches keys; a change made through one, or by hand in the database, reaches
// the other's cache by LISTEN/NOTIFY.
describe('keys rolled or changed on one instance are refused by the other within 1 s', () => {
  let gws: TwoInstances;
  /** The seed's secret key once the first case rolled it. */
  let secret = sk;
  before(async () => {
    gws = await startTwoInstances();
  });
  after(() => gws.close());

  it('a secret key rolled on A is refused by B, which had it cached', async () => {
    // B has the key cached (and so does A).
    for (const gw of [gws.a, gws.b]) {
      assert.equal((await call(gw, 'GET', '/v1/payments')).status, 200);
    }
    const rolled = await call(gws.a, 'POST', '/v1/keys/roll', { body: { kind: 'secret' } });
    assert.equal(rolled.status, 200, rolled.text);
    const { answer } = await untilRefused(gws.b, sk, '/v1/payments', 1000);
    assert.equal(answer.status, 401);
    const successor = String(rolled.json.key);
    secret = successor;
    for (const gw of [gws.a, gws.b]) {
      assert.equal((await call(gw, 'GET', '/v1/payments', { key: successor })).status, 200);
    }
    // Tokens with the publishable key still work on both.
    await tokenize(gws.a);
    await tokenize(gws.b);
  });

  it('a merchant deactivated by hand in the database is refused by both', async () => {
    const key = secret;
    for (const gw of [gws.a, gws.b]) {
      assert.equal((await call(gw, 'GET', '/v1/payments', { key })).status, 200);
    }
    const client = new pg.Client({ connectionString: gws.databaseUrl });
    await client.connect();
    try {
      await client.query('UPDATE merchants SET active = false');
      for (const gw of [gws.a, gws.b]) {
        const { answer } = await untilRefused(gw, key, '/v1/payments', 1000);
        assert.equal(answer.status, 403);
        assert.equal(answer.json.error?.code, 'merchant_not_active');
      }
    } finally {
      await client.query('UPDATE merchants SET active = true');
      await client.end();
    }
  });
});
