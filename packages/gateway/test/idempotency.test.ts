import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway } from './harness.js';
import type { Gateway } from './harness.js';

describe('Idempotency-Key', () => {
  let gw: Gateway;
  before(async () => {
    // A slow sandbox network keeps the first request running while its duplicate arrives.
    gw = await startGateway({ tokenRateLimit: 10_000, networkLatencyMs: 300 });
  });
  after(() => gw.close());

  const pay = (key: string, body: Record<string, unknown>) =>
    gw.api('POST', '/v1/payments', { body, headers: { 'idempotency-key': key } });

  it('replays the first answer for the same key and body, and never charges twice', async () => {
    const token = await gw.tokenize('4242424242424242');
    const body = { amount: 25, currency: 'usd', token, metadata: { a: '1', b: '2' } };
    const first = await pay('order-1', body);
    assert.equal(first.status, 201);
    // Same body with keys in another order is the same request.
    const replay = await pay('order-1', {
      metadata: { b: '2', a: '1' },
      token,
      currency: 'usd',
      amount: 25,
    });
    assert.equal(replay.status, 201);
    assert.equal(replay.text, first.text);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.notEqual(replay.headers.get('request-id'), first.headers.get('request-id'));
    const list = await gw.api<{ data: unknown[] }>('GET', '/v1/payments');
    assert.equal(list.body.data.length, 1);
  });

  it('replays a declined payment’s 400 too', async () => {
    const token = await gw.tokenize('4000000000000002');
    const body = { amount: 5, currency: 'usd', token };
    const first = await pay('order-2', body);
    assert.equal(first.status, 400);
    const replay = await pay('order-2', body);
    assert.equal(replay.status, 400);
    assert.equal(replay.text, first.text);
  });

  it('refuses the same key with a different body: idempotency_key_mismatch', async () => {
    const token = await gw.tokenize('4242424242424242');
    assert.equal((await pay('order-3', { amount: 5, currency: 'usd', token })).status, 201);
    const changed = await pay('order-3', { amount: 6, currency: 'usd', token });
    assert.equal(changed.status, 400);
    assert.equal(errorOf(changed).code, 'idempotency_key_mismatch');
    assert.equal(errorOf(changed).param, 'Idempotency-Key');
  });

  it('answers 409 idempotency_key_in_use to a duplicate sent while the first runs', async () => {
    const token = await gw.tokenize('4242424242424242');
    const body = { amount: 5, currency: 'usd', token };
    const [a, b] = await Promise.all([pay('order-4', body), pay('order-4', body)]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [201, 409]);
    const conflict = a.status === 409 ? a : b;
    assert.equal(errorOf(conflict).code, 'idempotency_key_in_use');
    // Once the first is done, a retry gets its answer.
    const retry = await pay('order-4', body);
    assert.equal(retry.status, 201);
    assert.equal(retry.text, (a.status === 201 ? a : b).text);
  });

  it('keys are per merchant', async () => {
    const other = await gw.addMerchant();
    const mine = await pay('shared-key', {
      amount: 5,
      currency: 'usd',
      token: await gw.tokenize('4242424242424242'),
    });
    const theirs = await gw.api('POST', '/v1/payments', {
      key: other.sk,
      headers: { 'idempotency-key': 'shared-key' },
      body: {
        amount: 5,
        currency: 'usd',
        token: await gw.tokenize('4242424242424242', {}, other.pk),
      },
    });
    assert.equal(mine.status, 201);
    assert.equal(theirs.status, 201);
    assert.notEqual((mine.body as { id: string }).id, (theirs.body as { id: string }).id);
  });

  it('does not store validation failures: the key stays free', async () => {
    const token = await gw.tokenize('4242424242424242');
    const bad = await pay('order-5', { amount: '5', currency: 'usd', token });
    assert.equal(errorOf(bad).code, 'validation_error');
    const good = await pay('order-5', { amount: 5, currency: 'usd', token });
    assert.equal(good.status, 201);
  });

  it('works on refunds: a retried refund refunds once', async () => {
    const token = await gw.tokenize('4242424242424242');
    const p = (await gw.pay(token, { amount: 50 })).body as { id: string };
    const refund = () =>
      gw.api('POST', `/v1/payments/${p.id}/refund`, {
        body: { amount: 10 },
        headers: { 'idempotency-key': 'refund-1' },
      });
    const first = await refund();
    const second = await refund();
    assert.equal(second.text, first.text);
    const now = await gw.api<{ amount_refunded: number }>('GET', `/v1/payments/${p.id}`);
    assert.equal(now.body.amount_refunded, 10);
    // The same key on another endpoint is a different request.
    const elsewhere = await gw.api('POST', `/v1/payments/${p.id}/capture`, {
      body: { amount: 10 },
      headers: { 'idempotency-key': 'refund-1' },
    });
    assert.equal(errorOf(elsewhere).code, 'idempotency_key_mismatch');
  });

  it('refuses an over-long key', async () => {
    const answer = await pay('k'.repeat(256), { amount: 5, currency: 'usd', token: 'tok_x' });
    assert.equal(errorOf(answer).code, 'validation_error');
    assert.equal(errorOf(answer).param, 'Idempotency-Key');
  });
});
