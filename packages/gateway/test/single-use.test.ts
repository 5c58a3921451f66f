import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway } from './harness.js';
import type { Gateway } from './harness.js';

describe('single-use tokens', () => {
  let gw: Gateway;
  before(async () => {
    // Latency makes all 100 requests pass the early "already used?" check before any commits,
    // so only the atomic consume in the transaction can keep the token single-use.
    gw = await startGateway({ networkLatencyMs: 200, synchronous: 'FULL' });
  });
  after(() => gw.close());

  it('100 concurrent payments with one token: exactly one success, 99 payment_token_already_used', async () => {
    const token = await gw.tokenize('4242424242424242');
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => gw.pay(token, { external_id: `try_${i}` })),
    );
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 400);
    assert.equal(created.length, 1);
    assert.equal(refused.length, 99);
    for (const answer of refused) assert.equal(errorOf(answer).code, 'payment_token_already_used');
    const list = await gw.api<{ data: unknown[] }>('GET', '/v1/payments?limit=100');
    assert.equal(list.body.data.length, 1);
  });
});
