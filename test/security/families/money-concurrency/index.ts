// Family 4: money under concurrency. Many requests at once against one token, one
// Idempotency-Key, one payment's refunds, capture against void: never charge twice, never
// refund more than was paid, exactly one winner.
import { randomUUID } from 'node:crypto';
import { describe } from 'node:test';
import fc from 'fast-check';
import { contractProblem } from '../../lib/api-contract.js';
import { startGateway, stopGateway, type GatewayRun } from '../../lib/gateway-process.js';
import { api, type RawResponse } from '../../lib/http-client.js';
import { attack, type Attempts } from '../../lib/results.js';
import { shared } from '../../lib/shared.js';
import { TEST_CARDS, cardBody } from '../../lib/test-cards.js';
import { FUZZ_SEED } from '../../lib/fuzz.js';

interface Payment {
  id: string;
  status: string;
  amount: number;
  amount_refunded: number;
  amount_captured: number;
}

function code(res: RawResponse): string | undefined {
  return (res.json as { error?: { code?: string } } | undefined)?.error?.code;
}

async function token(gw: GatewayRun, cardIndex = 0): Promise<string> {
  const res = await api(
    gw.url,
    'POST',
    '/v1/tokens',
    gw.publishableKey,
    cardBody(TEST_CARDS[cardIndex]!),
  );
  if (res.status !== 201) throw new Error(`tokenize answered ${res.status}: ${res.text}`);
  return (res.json as { id: string }).id;
}

async function pay(gw: GatewayRun, body: Record<string, unknown>): Promise<Payment> {
  const res = await api(gw.url, 'POST', '/v1/payments', gw.secretKey, {
    currency: 'usd',
    ...body,
    token: await token(gw),
  });
  if (res.status !== 201) throw new Error(`payment answered ${res.status}: ${res.text}`);
  return res.json as Payment;
}

async function countPayments(gw: GatewayRun): Promise<number> {
  let count = 0;
  let after = '';
  for (;;) {
    const res = await api(gw.url, 'GET', `/v1/payments?limit=100${after}`, gw.secretKey);
    const page = res.json as { data: { id: string }[]; has_more: boolean };
    count += page.data.length;
    if (!page.has_more) return count;
    after = `&starting_after=${page.data[page.data.length - 1]?.id}`;
  }
}

async function oneTokenManyPayments(gw: GatewayRun, result: Attempts): Promise<void> {
  for (const round of [1, 2, 3]) {
    const label = `one token, 100 concurrent payments (round ${round})`;
    const before = await countPayments(gw);
    const tok = await token(gw);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        api(gw.url, 'POST', '/v1/payments', gw.secretKey, {
          amount: 10,
          currency: 'usd',
          token: tok,
        }),
      ),
    );
    const won = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => code(r) === 'payment_token_already_used');
    result.check(
      label,
      won.length === 1 && refused.length === 99,
      `${won.length} answered 201, ${refused.length} payment_token_already_used, others: ${[...new Set(answers.map((r) => r.status))].join(',')}`,
    );
    const after = await countPayments(gw);
    result.check(
      `${label}: one payment stored`,
      after === before + 1,
      `${after - before} payments stored`,
    );
    for (const res of answers) result.record(`${label}: answer shape`, contractProblem(res));
  }
}

async function oneIdempotencyKey(gw: GatewayRun, result: Attempts): Promise<void> {
  for (const [round, card] of [0, 2, 1].entries()) {
    // Card 0 pays, card 2 is declined (400 payment object), card 1 asks for 3-D Secure (202).
    const label = `50 concurrent retries, one Idempotency-Key (${TEST_CARDS[card]!.number.slice(-4)})`;
    const before = await countPayments(gw);
    const key = randomUUID();
    const body = {
      amount: 42.5,
      currency: 'usd',
      token: await token(gw, card),
      external_id: `order_${round}`,
    };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        api(gw.url, 'POST', '/v1/payments', gw.secretKey, body, { 'idempotency-key': key }),
      ),
    );
    const results = answers.filter((r) => r.status !== 409);
    const conflicts = answers.filter((r) => r.status === 409);
    const first = results[0];
    const firstId = (first?.json as Payment | undefined)?.id;
    const sameAnswer = results.every(
      (r) =>
        r.status === first?.status && (r.json as Payment).id === firstId && firstId !== undefined,
    );
    result.check(
      label,
      sameAnswer && results.length >= 1,
      `answers: ${answers.map((r) => `${r.status}${code(r) ? `/${code(r)}` : ''}`).join(' ')}`,
    );
    result.check(
      `${label}: every other answer is 409 idempotency_key_in_use`,
      conflicts.every((r) => code(r) === 'idempotency_key_in_use'),
      'a 409 with another code',
    );
    const after = await countPayments(gw);
    result.check(
      `${label}: one payment stored`,
      after === before + 1,
      `${after - before} payments stored`,
    );
    const replay = await api(gw.url, 'POST', '/v1/payments', gw.secretKey, body, {
      'idempotency-key': key,
    });
    result.check(
      `${label}: a later retry replays the first result`,
      replay.status === first?.status && (replay.json as Payment).id === firstId,
      `retry answered ${replay.status} ${replay.text.slice(0, 120)}`,
    );
    const other = await api(
      gw.url,
      'POST',
      '/v1/payments',
      gw.secretKey,
      { ...body, amount: 43 },
      { 'idempotency-key': key },
    );
    result.check(
      `${label}: same key, other body is refused`,
      code(other) === 'idempotency_key_mismatch',
      `answered ${other.status} ${other.text.slice(0, 120)}`,
    );
  }
}

async function concurrentRefunds(gw: GatewayRun, result: Attempts): Promise<void> {
  // Fixed case: 20 refunds of 7.00 on 100.00 → exactly 14 succeed.
  const fixed = await pay(gw, { amount: 100 });
  const answers = await Promise.all(
    Array.from({ length: 20 }, () =>
      api(gw.url, 'POST', `/v1/payments/${fixed.id}/refund`, gw.secretKey, { amount: 7 }),
    ),
  );
  const ok = answers.filter((r) => r.status === 200).length;
  const final = (await api(gw.url, 'GET', `/v1/payments/${fixed.id}`, gw.secretKey))
    .json as Payment;
  result.check(
    '20 concurrent refunds of 7.00 on 100.00',
    ok === 14 && final.amount_refunded === 98 && final.status === 'partially_refunded',
    `${ok} succeeded, refunded ${final.amount_refunded}, status ${final.status}`,
  );
  for (const res of answers)
    result.record('concurrent refunds: answer shape', contractProblem(res));

  // Property: random amounts, random partial refunds at once; the sum never exceeds the amount.
  const scenarios = fc.sample(
    fc.record({
      cents: fc.integer({ min: 100, max: 100_000 }),
      refunds: fc.array(fc.option(fc.integer({ min: 1, max: 60_000 }), { nil: undefined }), {
        minLength: 2,
        maxLength: 30,
      }),
    }),
    { numRuns: 12, seed: FUZZ_SEED + 10 },
  );
  for (const [i, s] of scenarios.entries()) {
    const label = `concurrent partial refunds #${i + 1} (${s.refunds.length} on ${(s.cents / 100).toFixed(2)})`;
    const p = await pay(gw, { amount: s.cents / 100 });
    const answers = await Promise.all(
      s.refunds.map((cents) =>
        api(
          gw.url,
          'POST',
          `/v1/payments/${p.id}/refund`,
          gw.secretKey,
          cents === undefined ? {} : { amount: cents / 100 },
        ),
      ),
    );
    const final = (await api(gw.url, 'GET', `/v1/payments/${p.id}`, gw.secretKey)).json as Payment;
    const refundedCents = Math.round(final.amount_refunded * 100);
    const okAnswers = answers.filter((r) => r.status === 200).map((r) => r.json as Payment);
    // Each success's own view: amount_refunded grows; the biggest one seen is the final total.
    const maxSeen = Math.max(0, ...okAnswers.map((r) => Math.round(r.amount_refunded * 100)));
    const refusals = answers.filter((r) => r.status !== 200);
    const goodRefusals = refusals.every(
      (r) => code(r) === 'invalid_amount' || code(r) === 'invalid_status',
    );
    result.check(
      label,
      refundedCents <= s.cents &&
        maxSeen === refundedCents &&
        goodRefusals &&
        (final.status === 'refunded') === (refundedCents === s.cents),
      `refunded ${refundedCents} of ${s.cents} cents (largest answer ${maxSeen}), status ${final.status}, refusals ${refusals.map(code).join(',')}`,
    );
  }
}

async function captureVoidRace(gw: GatewayRun, result: Attempts): Promise<void> {
  for (let round = 1; round <= 15; round++) {
    const label = `capture and void racing (round ${round})`;
    const p = await pay(gw, { amount: 20, capture_method: 'manual' });
    // Several of each, interleaved, all at once.
    const actions = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? 'capture' : 'void'));
    const answers = await Promise.all(
      actions.map((a) => api(gw.url, 'POST', `/v1/payments/${p.id}/${a}`, gw.secretKey, {})),
    );
    const winners = answers
      .map((r, i) => [r, actions[i]] as const)
      .filter(([r]) => r.status === 200);
    const final = (await api(gw.url, 'GET', `/v1/payments/${p.id}`, gw.secretKey)).json as Payment;
    const expected = winners[0]?.[1] === 'capture' ? 'completed' : 'canceled';
    const losersOk = answers
      .filter((r) => r.status !== 200)
      .every((r) => code(r) === 'invalid_status');
    result.check(
      label,
      winners.length === 1 && final.status === expected && losersOk,
      `${winners.length} winners (${winners.map((w) => w[1]).join(',')}), final ${final.status}`,
    );
  }
}

export function moneyConcurrency(): void {
  describe('4 money under concurrency', () => {
    const gateway = shared(() => startGateway(), stopGateway);
    attack('one token, 100 concurrent payments', async (a) =>
      oneTokenManyPayments(await gateway.get(), a),
    );
    attack('50 concurrent retries of one Idempotency-Key', async (a) =>
      oneIdempotencyKey(await gateway.get(), a),
    );
    attack('concurrent partial refunds', async (a) => concurrentRefunds(await gateway.get(), a));
    attack('capture against void', async (a) => captureVoidRace(await gateway.get(), a));
  });
}
