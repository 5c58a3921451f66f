import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateKey } from '../src/crypto/key-hash.js';
import { errorOf, startGateway, testCard } from './harness.js';
import type { Gateway } from './harness.js';

// Authentication keeps what it found per key in memory: these check that a change to keys
// or merchants is seen by the very next request, with the old answer already cached.
describe('API key lookups: cached, and never stale', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  const tokenBody = { card: { ...testCard, number: '4242424242424242' } };

  it('a deactivated merchant gets 403 merchant_not_active on its next request, and back', async () => {
    const other = await gw.addMerchant();
    // Both keys authenticated (and cached) while the merchant is active.
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody })).status,
      201,
    );
    assert.equal((await gw.api('GET', '/v1/payments', { key: other.sk })).status, 200);

    await gw.storage.setMerchantActive(other.id, false);
    const token = await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody });
    assert.equal(token.status, 403);
    assert.equal(errorOf(token).code, 'merchant_not_active');
    const list = await gw.api('GET', '/v1/payments', { key: other.sk });
    assert.equal(list.status, 403);
    assert.equal(errorOf(list).code, 'merchant_not_active');

    await gw.storage.setMerchantActive(other.id, true);
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody })).status,
      201,
    );
    // Other merchants were never affected.
    assert.equal((await gw.api('POST', '/v1/tokens', { key: gw.pk, body: tokenBody })).status, 201);
  });

  it('a replaced key stops working on the next request; its successor works at once', async () => {
    const other = await gw.addMerchant();
    assert.equal((await gw.api('GET', '/v1/payments', { key: other.sk })).status, 200);
    const successor = generateKey('secret', 'test');
    await gw.storage.replaceApiKey(other.id, { kind: 'secret', mode: 'test', key: successor });
    const old = await gw.api('GET', '/v1/payments', { key: other.sk });
    assert.equal(old.status, 401);
    assert.equal(errorOf(old).code, 'unauthorized');
    assert.equal((await gw.api('GET', '/v1/payments', { key: successor })).status, 200);
    // The merchant's publishable key was not replaced.
    assert.equal(
      (await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody })).status,
      201,
    );
  });

  it('an unknown key stays unknown after a valid one was cached', async () => {
    assert.equal((await gw.api('GET', '/v1/payments', { key: gw.sk })).status, 200);
    const unknown = await gw.api('GET', '/v1/payments', { key: `${gw.sk}x` });
    assert.equal(unknown.status, 401);
  });
});
