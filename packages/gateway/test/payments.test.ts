import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway } from './harness.js';
import type { Gateway } from './harness.js';

interface Payment {
  id: string;
  object: string;
  status: string;
  amount: number;
  currency: string;
  capture_method: string;
  amount_captured: number;
  amount_refunded: number;
  card: { brand: string; last4: string; exp_month: number; exp_year: number };
  external_id: string | null;
  metadata: Record<string, string>;
  redirect_url: string | null;
  error?: { type: string; code: string; message: string };
}

describe('POST /v1/payments', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());

  const outcomes: [string, number, string, string | null, string][] = [
    ['4242424242424242', 201, 'completed', null, 'visa'],
    ['4000002500003155', 202, 'requires_action', null, 'visa'],
    ['4000000000000002', 400, 'failed', 'card_declined', 'visa'],
    ['4000000000009995', 400, 'failed', 'insufficient_funds', 'visa'],
    ['4000000000000069', 400, 'failed', 'expired_card', 'visa'],
    ['4000000000000127', 400, 'failed', 'incorrect_cvc', 'visa'],
    ['5555555555554444', 201, 'completed', null, 'mastercard'],
    ['378282246310005', 201, 'completed', null, 'amex'],
    ['6011111111111117', 201, 'completed', null, 'discover'],
    ['1234567812345670', 201, 'completed', null, 'unknown'],
  ];
  for (const [number, http, status, code, brand] of outcomes) {
    it(`test card ${number.slice(0, 4)}…${number.slice(-4)} → ${status}${code ? ` (${code})` : ''}`, async () => {
      const token = await gw.tokenize(number, brand === 'amex' ? { cvc: '7391' } : {});
      const answer = await gw.pay(token, {
        amount: 12.34,
        currency: 'EUR',
        external_id: 'order_1',
        metadata: { cart: '42' },
      });
      assert.equal(answer.status, http, answer.text);
      const p = answer.body as unknown as Payment;
      assert.match(p.id, /^pay_[0-9a-f]{24}$/);
      assert.equal(p.object, 'payment');
      assert.equal(p.status, status);
      assert.equal(p.amount, 12.34);
      assert.equal(p.currency, 'eur');
      assert.equal(p.capture_method, 'automatic');
      assert.equal(p.amount_refunded, 0);
      assert.equal(p.card.brand, brand);
      assert.equal(p.card.last4, number.slice(-4));
      assert.equal(p.external_id, 'order_1');
      assert.deepEqual(p.metadata, { cart: '42' });
      if (code) {
        assert.equal(p.error?.type, 'payment_error');
        assert.equal(p.error?.code, code);
      } else {
        assert.equal(p.error, undefined);
      }
      if (status === 'requires_action') {
        assert.match(p.redirect_url ?? '', new RegExp(`^${gw.url}/3ds/${p.id}/[0-9a-f]{32}$`));
      } else {
        assert.equal(p.redirect_url, null);
      }
      assert.ok(!answer.text.includes(number));
      const fetched = await gw.api('GET', `/v1/payments/${p.id}`);
      assert.equal(fetched.status, 200);
      assert.equal((fetched.body as unknown as Payment).status, status);
    });
  }

  it('authorizes with capture_method manual', async () => {
    const answer = await gw.pay(await gw.tokenize('4242424242424242'), {
      capture_method: 'manual',
    });
    assert.equal(answer.status, 201);
    assert.equal((answer.body as unknown as Payment).status, 'authorized');
    assert.equal((answer.body as unknown as Payment).amount_captured, 0);
  });

  it('answers not_supported for live keys (no processor connector)', async () => {
    const other = await gw.addMerchant();
    const token = await gw.tokenize('4242424242424242', {}, other.pkLive);
    const answer = await gw.pay(token, {}, other.skLive);
    assert.equal(answer.status, 400);
    assert.equal(errorOf(answer).code, 'not_supported');
    // The token was not spent by the refusal.
    const used = await gw.storage.getToken(token);
    assert.equal(used?.usedAtMs, null);
  });

  it("gives token_not_found for another merchant's token, and for the other mode's", async () => {
    const other = await gw.addMerchant();
    const theirs = await gw.tokenize('4242424242424242', {}, other.pk);
    const mine = await gw.pay(theirs);
    assert.equal(mine.status, 404);
    assert.equal(errorOf(mine).code, 'token_not_found');
    assert.equal(errorOf(mine).param, 'token');
    const liveToken = await gw.tokenize('4242424242424242', {}, other.pkLive);
    const crossMode = await gw.pay(liveToken, {}, other.sk);
    assert.equal(errorOf(crossMode).code, 'token_not_found');
    const unknown = await gw.pay('tok_000000000000000000000000');
    assert.equal(errorOf(unknown).code, 'token_not_found');
    // Their token is still good for them.
    assert.equal((await gw.pay(theirs, {}, other.sk)).status, 201);
  });

  it('refuses a used token with payment_token_already_used', async () => {
    const token = await gw.tokenize('4242424242424242');
    assert.equal((await gw.pay(token)).status, 201);
    const again = await gw.pay(token);
    assert.equal(again.status, 400);
    assert.equal(errorOf(again).code, 'payment_token_already_used');
  });

  const badBodies: [string, Record<string, unknown>, string, string][] = [
    ['amount 0', { amount: 0 }, 'invalid_amount', 'amount'],
    ['a negative amount', { amount: -5 }, 'invalid_amount', 'amount'],
    ['three decimals', { amount: 10.001 }, 'invalid_amount', 'amount'],
    ['decimals in jpy', { amount: 100.5, currency: 'jpy' }, 'invalid_amount', 'amount'],
    ['an absurd amount', { amount: 1e15 }, 'invalid_amount', 'amount'],
    ['amount as a string', { amount: '10.00' }, 'validation_error', 'amount'],
    ['an unknown currency', { currency: 'xyz' }, 'unsupported_currency', 'currency'],
    ['a 4-letter currency', { currency: 'usdd' }, 'validation_error', 'currency'],
    ['a bad capture_method', { capture_method: 'later' }, 'validation_error', 'capture_method'],
    ['a relative return_url', { return_url: '/done' }, 'validation_error', 'return_url'],
    [
      'a javascript: return_url',
      { return_url: 'javascript:alert(1)' },
      'validation_error',
      'return_url',
    ],
    ['nested metadata', { metadata: { a: { b: 1 } } }, 'validation_error', 'metadata.a'],
    [
      '21 metadata values',
      { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) },
      'validation_error',
      'metadata',
    ],
    ['an unknown field', { card: { number: '4242424242424242' } }, 'validation_error', 'card'],
    ['a missing token', { token: undefined }, 'validation_error', 'token'],
  ];
  for (const [what, change, code, param] of badBodies) {
    it(`refuses ${what} with ${code} on ${param}, without spending the token`, async () => {
      const token = await gw.tokenize('4242424242424242');
      const answer = await gw.pay(token, change);
      assert.equal(answer.status, 400, answer.text);
      assert.equal(errorOf(answer).code, code);
      assert.equal(errorOf(answer).param, param);
      assert.equal((await gw.storage.getToken(token))?.usedAtMs, null);
    });
  }

  it('accepts whole amounts in jpy and stores cents exactly', async () => {
    const jpy = await gw.pay(await gw.tokenize('4242424242424242'), {
      amount: 1500,
      currency: 'JPY',
    });
    assert.equal((jpy.body as unknown as Payment).amount, 1500);
    const cents = await gw.pay(await gw.tokenize('4242424242424242'), { amount: 0.29 });
    assert.equal((cents.body as unknown as Payment).amount, 0.29);
  });
});

describe('payment status transitions', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());

  async function payment(card: string, body: Record<string, unknown> = {}): Promise<Payment> {
    const answer = await gw.pay(await gw.tokenize(card), { amount: 100, ...body });
    return answer.body as unknown as Payment;
  }
  const post = (id: string, action: string, body?: unknown) =>
    gw.api('POST', `/v1/payments/${id}/${action}`, body === undefined ? {} : { body });

  it('captures an authorized payment in full (no body)', async () => {
    const p = await payment('4242424242424242', { capture_method: 'manual' });
    const answer = await post(p.id, 'capture');
    assert.equal(answer.status, 200);
    const captured = answer.body as unknown as Payment;
    assert.equal(captured.status, 'completed');
    assert.equal(captured.amount_captured, 100);
  });

  it('captures part of an authorization, then refunds only what was captured', async () => {
    const p = await payment('4242424242424242', { capture_method: 'manual' });
    const capture = await post(p.id, 'capture', { amount: 60.5 });
    assert.equal((capture.body as unknown as Payment).amount_captured, 60.5);
    const over = await post(p.id, 'refund', { amount: 61 });
    assert.equal(errorOf(over).code, 'invalid_amount');
    const full = await post(p.id, 'refund');
    assert.equal((full.body as unknown as Payment).status, 'refunded');
    assert.equal((full.body as unknown as Payment).amount_refunded, 60.5);
  });

  it('refuses to capture more than authorized', async () => {
    const p = await payment('4242424242424242', { capture_method: 'manual' });
    const answer = await post(p.id, 'capture', { amount: 100.01 });
    assert.equal(answer.status, 400);
    assert.equal(errorOf(answer).code, 'invalid_amount');
    assert.equal(errorOf(answer).param, 'amount');
    const still = await gw.api('GET', `/v1/payments/${p.id}`);
    assert.equal((still.body as unknown as Payment).status, 'authorized');
  });

  it('voids an authorized payment', async () => {
    const p = await payment('4242424242424242', { capture_method: 'manual' });
    const answer = await post(p.id, 'void');
    assert.equal(answer.status, 200);
    assert.equal((answer.body as unknown as Payment).status, 'canceled');
  });

  it('refunds partly, then the rest, and never beyond what is left', async () => {
    const p = await payment('4242424242424242');
    const first = await post(p.id, 'refund', { amount: 30 });
    assert.equal((first.body as unknown as Payment).status, 'partially_refunded');
    assert.equal((first.body as unknown as Payment).amount_refunded, 30);
    const second = await post(p.id, 'refund', { amount: 45.55 });
    assert.equal((second.body as unknown as Payment).amount_refunded, 75.55);
    const over = await post(p.id, 'refund', { amount: 24.46 });
    assert.equal(over.status, 400);
    assert.equal(errorOf(over).code, 'invalid_amount');
    assert.match(errorOf(over).message, /24\.45/);
    const rest = await post(p.id, 'refund', { amount: 24.45 });
    assert.equal((rest.body as unknown as Payment).status, 'refunded');
    assert.equal((rest.body as unknown as Payment).amount_refunded, 100);
    const more = await post(p.id, 'refund', { amount: 1 });
    assert.equal(errorOf(more).code, 'invalid_status');
  });

  it('refuses bad refund and capture amounts', async () => {
    const p = await payment('4242424242424242');
    for (const amount of [0, -1, 1.234]) {
      assert.equal(errorOf(await post(p.id, 'refund', { amount })).code, 'invalid_amount');
    }
    const wrongType = await post(p.id, 'refund', { amount: '5' });
    assert.equal(errorOf(wrongType).code, 'validation_error');
    const unknown = await post(p.id, 'refund', { amount: 5, reason: 'x' });
    assert.equal(errorOf(unknown).param, 'reason');
    const voidWithBody = await post(p.id, 'void', { amount: 5 });
    assert.equal(errorOf(voidWithBody).param, 'amount');
  });

  // Every (status, action) pair that the API must refuse with invalid_status.
  const refusals: [string, string, Record<string, unknown>, string[]][] = [
    ['completed', '4242424242424242', {}, ['capture', 'void']],
    ['authorized', '4242424242424242', { capture_method: 'manual' }, ['refund']],
    ['requires_action', '4000002500003155', {}, ['capture', 'void', 'refund']],
    ['failed', '4000000000000002', {}, ['capture', 'void', 'refund']],
  ];
  for (const [status, card, body, actions] of refusals) {
    for (const action of actions) {
      it(`refuses ${action} on a ${status} payment with invalid_status`, async () => {
        const p = await payment(card, body);
        assert.equal(p.status, status);
        const answer = await post(p.id, action);
        assert.equal(answer.status, 400);
        assert.equal(errorOf(answer).code, 'invalid_status');
        const after = await gw.api('GET', `/v1/payments/${p.id}`);
        assert.equal((after.body as unknown as Payment).status, status);
      });
    }
  }

  it('refuses capture, void and refund after cancel and after full refund', async () => {
    const canceled = await payment('4242424242424242', { capture_method: 'manual' });
    await post(canceled.id, 'void');
    for (const action of ['capture', 'void', 'refund']) {
      assert.equal(errorOf(await post(canceled.id, action)).code, 'invalid_status');
    }
    const refunded = await payment('4242424242424242');
    await post(refunded.id, 'refund');
    for (const action of ['capture', 'void', 'refund']) {
      assert.equal(errorOf(await post(refunded.id, action)).code, 'invalid_status');
    }
  });

  it('answers not_found for unknown ids and for other merchants’ payments', async () => {
    const other = await gw.addMerchant();
    const theirs = (await gw.pay(await gw.tokenize('4242424242424242', {}, other.pk), {}, other.sk))
      .body as unknown as Payment;
    for (const id of ['pay_000000000000000000000000', theirs.id]) {
      const get = await gw.api('GET', `/v1/payments/${id}`);
      assert.equal(get.status, 404);
      assert.equal(errorOf(get).code, 'not_found');
      assert.equal(errorOf(await post(id, 'refund')).code, 'not_found');
    }
  });
});

describe('GET /v1/payments', () => {
  let gw: Gateway;
  let other: Awaited<ReturnType<Gateway['addMerchant']>>;
  const ids: string[] = [];
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
    other = await gw.addMerchant();
    for (let i = 0; i < 7; i++) {
      const p = await gw.pay(await gw.tokenize('4242424242424242'), { amount: i + 1 });
      ids.push((p.body as unknown as Payment).id);
    }
    await gw.pay(await gw.tokenize('4242424242424242', {}, other.pk), {}, other.sk);
  });
  after(() => gw.close());

  it('lists newest first with cursor pagination and only my payments', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const query = `limit=3${cursor ? `&starting_after=${cursor}` : ''}`;
      const page = await gw.api<{ object: string; data: Payment[]; has_more: boolean }>(
        'GET',
        `/v1/payments?${query}`,
      );
      assert.equal(page.status, 200);
      assert.equal(page.body.object, 'list');
      seen.push(...page.body.data.map((p) => p.id));
      if (!page.body.has_more) break;
      cursor = page.body.data.at(-1)?.id;
    }
    assert.deepEqual(seen, [...ids].reverse());
  });

  it('defaults to 10 and refuses bad limits and cursors', async () => {
    const all = await gw.api<{ data: Payment[]; has_more: boolean }>('GET', '/v1/payments');
    assert.equal(all.body.data.length, 7);
    assert.equal(all.body.has_more, false);
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'limit=-1', 'colour=red']) {
      const answer = await gw.api('GET', `/v1/payments?${q}`);
      assert.equal(answer.status, 400, q);
      assert.equal(errorOf(answer).code, 'validation_error');
    }
    const foreign = await gw.api<{ data: Payment[] }>('GET', '/v1/payments', { key: other.sk });
    const cursor = foreign.body.data[0]?.id;
    const answer = await gw.api('GET', `/v1/payments?starting_after=${cursor}`);
    assert.equal(errorOf(answer).param, 'starting_after');
  });
});
