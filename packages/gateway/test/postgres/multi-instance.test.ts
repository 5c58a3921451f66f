import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rateLimitSlack } from '../../src/storage/postgres/rate-limit-store.js';
import { call, startTwoInstances, tokenize } from './two-instances.js';
import type { GatewayAnswer as Answer } from '../../../../test/harness/gateway-process.js';
import type { TwoInstances } from './two-instances.js';

/** Counts of each status code, for readable failures. */
function tally(answers: Answer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

describe('two gateway instances over one PostgreSQL database', () => {
  let gws: TwoInstances;
  before(async () => {
    gws = await startTwoInstances({ PAY_TOKEN_RATE_LIMIT: '1000' });
  });
  after(() => gws.close());

  const both = () => [gws.a, gws.b] as const;

  it('100 concurrent payments with one token: exactly one succeeds', async () => {
    const token = await tokenize(gws.a);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        call(both()[i % 2]!, 'POST', '/v1/payments', {
          body: { amount: 10, currency: 'usd', token },
        }),
      ),
    );
    assert.deepEqual(tally(answers), { 201: 1, 400: 99 }, JSON.stringify(tally(answers)));
    for (const a of answers.filter((x) => x.status === 400)) {
      assert.equal(a.json.error?.code, 'payment_token_already_used');
    }
  });

  it('concurrent retries with one Idempotency-Key: one payment, the same answer', async () => {
    const token = await tokenize(gws.b);
    const count = async () =>
      ((await call(gws.a, 'GET', '/v1/payments?limit=100')).json.data as unknown[]).length;
    const before = await count();
    const send = (i: number) =>
      call(both()[i % 2]!, 'POST', '/v1/payments', {
        body: { amount: 25, currency: 'usd', token },
        idempotencyKey: 'order-42',
      });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i)));
    // Each retry either got the payment or was told the first is still running.
    for (const a of answers) assert.ok(a.status === 201 || a.status === 409, a.text);
    const created = answers.filter((a) => a.status === 201);
    assert.ok(created.length >= 1);
    const ids = new Set(created.map((a) => a.json.id));
    assert.equal(ids.size, 1);
    // Once done, every instance replays the same bytes.
    const [again, onOther] = await Promise.all([send(0), send(1)]);
    assert.equal(again?.text, created[0]?.text);
    assert.equal(onOther?.text, created[0]?.text);
    assert.ok(again?.replayed && onOther?.replayed);
    assert.equal(await count(), before + 1);
  });

  it('capture and void of one authorization on both instances: exactly one wins', async () => {
    for (let round = 0; round < 10; round++) {
      const token = await tokenize(gws.a);
      const payment = await call(gws.a, 'POST', '/v1/payments', {
        body: { amount: 50, currency: 'usd', token, capture_method: 'manual' },
      });
      assert.equal(payment.json.status, 'authorized', payment.text);
      const id = payment.json.id ?? '';
      const [capture, voided] = await Promise.all([
        call(gws.a, 'POST', `/v1/payments/${id}/capture`, { body: {} }),
        call(gws.b, 'POST', `/v1/payments/${id}/void`, { body: {} }),
      ]);
      const winners = [capture, voided].filter((a) => a.status === 200);
      assert.equal(winners.length, 1, `${capture.text} / ${voided.text}`);
      const loser = capture.status === 200 ? voided : capture;
      assert.equal(loser.status, 400, loser.text);
      assert.equal(loser.json.error?.code, 'invalid_status');
      const final = await call(gws.b, 'GET', `/v1/payments/${id}`);
      assert.equal(final.json.status, capture.status === 200 ? 'completed' : 'canceled');
    }
  });

  it('a refund race across instances never refunds beyond the capture', async () => {
    const token = await tokenize(gws.a);
    const payment = await call(gws.a, 'POST', '/v1/payments', {
      body: { amount: 100, currency: 'usd', token },
    });
    const id = payment.json.id ?? '';
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(both()[i % 2]!, 'POST', `/v1/payments/${id}/refund`, { body: { amount: 30 } }),
      ),
    );
    assert.equal(answers.filter((a) => a.status === 200).length, 3, JSON.stringify(tally(answers)));
    const final = await call(gws.b, 'GET', `/v1/payments/${id}`);
    assert.equal(final.json.amount_refunded, 90);
  });
});

describe('the /v1/tokens limit holds across instances', () => {
  let gws: TwoInstances;
  before(async () => {
    gws = await startTwoInstances({ PAY_TOKEN_RATE_LIMIT: '20' });
  });
  after(() => gws.close());

  const burst = (n: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        call(i % 2 ? gws.a : gws.b, 'POST', '/v1/tokens', {
          key: 'pk_test_multi',
          body: { card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' } },
        }),
      ),
    );

  it('a burst spread over both instances is limited as one, within the stated bound', async () => {
    const answers = await burst(50);
    const created = tally(answers)[201] ?? 0;
    // Each instance may admit rateLimitSlack(20) = 2 over the limit before it reads the shared count.
    assert.ok(
      created >= 20 && created <= 20 + 2 * rateLimitSlack(20),
      JSON.stringify(tally(answers)),
    );
    assert.equal(created + (tally(answers)[429] ?? 0), 50);
    // Once the shared count is read back, neither instance admits any more in this window.
    assert.deepEqual(tally(await burst(20)), { 429: 20 });
  });
});

describe('one instance killed under load', () => {
  let gws: TwoInstances;
  before(async () => {
    gws = await startTwoInstances({ PAY_TOKEN_RATE_LIMIT: '100000' });
  });
  after(() => gws.close());

  it('loses nothing committed, and the other keeps answering', async () => {
    const committed: string[] = [];
    let killed = false;
    // Four clients on each instance, paying in a loop until told to stop.
    const client = async (gw: (typeof gws)['a']) => {
      for (let i = 0; i < 40; i++) {
        try {
          const token = await tokenize(gw);
          const paid = await call(gw, 'POST', '/v1/payments', {
            body: { amount: 10, currency: 'usd', token },
          });
          if (paid.status === 201) committed.push(paid.json.id ?? '');
          else assert.fail(paid.text);
        } catch (error) {
          // Only the killed instance may fail, and only once it is killed.
          if (gw === gws.a && killed) return;
          throw error;
        }
      }
    };
    const load = [gws.a, gws.a, gws.a, gws.a, gws.b, gws.b, gws.b, gws.b].map(client);
    while (committed.length < 20) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await gws.a.kill();
    await Promise.all(load);
    // Every payment an instance answered 201 for is there, read through the survivor.
    for (const id of committed) {
      const read = await call(gws.b, 'GET', `/v1/payments/${id}`);
      assert.equal(read.status, 200, read.text);
    }
    const token = await tokenize(gws.b);
    const after = await call(gws.b, 'POST', '/v1/payments', {
      body: { amount: 10, currency: 'usd', token },
    });
    assert.equal(after.status, 201);
  });
});
