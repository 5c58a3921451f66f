import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway, testCard } from './harness.js';
import type { Gateway } from './harness.js';

// POST /v1/keys/roll on one instance (both engines); test/postgres/key-roll.test.ts checks
// that another instance refuses the old key too.
describe('POST /v1/keys/roll', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  const tokenBody = { card: { ...testCard, number: '4242424242424242' } };
  const roll = (key: string, body: unknown) => gw.api('POST', '/v1/keys/roll', { key, body });

  it('a rolled secret key stops working at once; the new one works and was shown once', async () => {
    const other = await gw.addMerchant();
    // Cached by a first use.
    assert.equal((await gw.api('GET', '/v1/payments', { key: other.sk })).status, 200);
    const rolled = await roll(other.sk, { kind: 'secret' });
    assert.equal(rolled.status, 200, rolled.text);
    const key = String(rolled.body.key);
    assert.match(key, /^sk_test_[0-9a-f]{48}$/);
    assert.equal(rolled.body.kind, 'secret');
    assert.equal(rolled.body.mode, 'test');
    assert.equal(rolled.body.previous_expires_at, gw.clock.now().toISOString());
    const old = await gw.api('GET', '/v1/payments', { key: other.sk });
    assert.equal(old.status, 401);
    assert.equal(errorOf(old).code, 'unauthorized');
    assert.equal((await gw.api('GET', '/v1/payments', { key })).status, 200);
    // The publishable key was not rolled; the new key is not written to the log.
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody })).status,
      201,
    );
    assert.ok(!gw.logs().includes(key));
  });

  it('with expire_old_in_seconds the old key works until then, the new one at once', async () => {
    const other = await gw.addMerchant();
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody })).status,
      201,
    );
    const rolled = await roll(other.sk, { kind: 'publishable', expire_old_in_seconds: 60 });
    assert.equal(rolled.status, 200, rolled.text);
    const key = String(rolled.body.key);
    assert.match(key, /^pk_test_/);
    for (const k of [other.pk, key]) {
      assert.equal((await gw.api('POST', '/v1/tokens', { key: k, body: tokenBody })).status, 201);
    }
    gw.clock.advance(60_000);
    const late = await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody });
    assert.equal(late.status, 401);
    assert.equal((await gw.api('POST', '/v1/tokens', { key, body: tokenBody })).status, 201);
    // Rolling again ends what was still running out and the current key at once.
    const again = await roll(other.sk, { kind: 'publishable' });
    assert.equal(again.status, 200);
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key, body: tokenBody })).status,
      401,
      'the key of the first roll',
    );
    const newest = String(again.body.key);
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key: newest, body: tokenBody })).status,
      201,
    );
  });

  it('only a secret key may roll, and the body is checked', async () => {
    const other = await gw.addMerchant();
    const withPk = await roll(other.pk, { kind: 'publishable' });
    assert.equal(withPk.status, 401);
    for (const body of [
      {},
      { kind: 'other' },
      { kind: 'secret', expire_old_in_seconds: -1 },
      { kind: 'secret', expire_old_in_seconds: 7 * 24 * 3600 + 1 },
      { kind: 'secret', expire_old_in_seconds: '60' },
      { kind: 'secret', extra: true },
    ]) {
      const answer = await roll(other.sk, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(errorOf(answer).code, 'validation_error');
    }
    // Nothing was rolled.
    assert.equal((await gw.api('GET', '/v1/payments', { key: other.sk })).status, 200);
  });

  it('a live secret key rolls the live key of its kind, not the test one', async () => {
    const other = await gw.addMerchant();
    const rolled = await roll(other.skLive, { kind: 'publishable' });
    assert.equal(rolled.status, 200, rolled.text);
    assert.match(String(rolled.body.key), /^pk_live_/);
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody })).status,
      201,
    );
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key: other.pkLive, body: tokenBody })).status,
      401,
    );
  });
});
