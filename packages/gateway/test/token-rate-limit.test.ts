import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { MemoryRateLimitStore } from '../src/rate-limit-store.js';
import { ManualClock, errorOf, startGateway, testCard } from './harness.js';
import type { ApiAnswer, Gateway } from './harness.js';

const PER_ADDRESS = 5;
const PER_MERCHANT = 12;
const validBody = { card: { number: '4242424242424242', ...testCard } };

/** A token request as the client at `from` (the trusted proxy's X-Forwarded-For). */
function tokenFrom(
  gw: Gateway,
  from: string,
  authorization: string | null,
  body: unknown = validBody,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  return gw.api('POST', '/v1/tokens', {
    key: null,
    body,
    headers: {
      'x-forwarded-for': from,
      ...(authorization === null ? {} : { authorization }),
      ...headers,
    },
  });
}

function statuses(answers: ApiAnswer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

function assertRateLimited(answer: ApiAnswer): void {
  assert.equal(answer.status, 429, answer.text);
  const error = errorOf(answer);
  assert.equal(error.type, 'rate_limit_error');
  assert.equal(error.code, 'rate_limited');
  const retryAfter = Number(answer.headers.get('retry-after'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `${retryAfter}`);
}

describe('POST /v1/tokens rate limit: per client address and per merchant', () => {
  const clock = new ManualClock();
  const now = () => clock.now().getTime();
  const stores = {
    address: new MemoryRateLimitStore({ maxBuckets: 64, now }),
    merchant: new MemoryRateLimitStore({ now }),
  };
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({
      clock,
      trustProxy: true,
      tokenRateLimit: PER_ADDRESS,
      tokenRateLimitPerMerchant: PER_MERCHANT,
      tokenRateLimitStores: stores,
    });
  });
  after(() => gw.close());
  // Every case starts with fresh windows.
  beforeEach(() => clock.advance(61_000));

  it('Authorization spellings (bearer, BEARER, extra spaces) share one merchant budget', async () => {
    const spellings = [
      `Bearer ${gw.pk}`,
      `bearer ${gw.pk}`,
      `BEARER ${gw.pk}`,
      `Bearer  ${gw.pk}`,
      `Bearer ${gw.pk}  `,
    ];
    const answers: ApiAnswer[] = [];
    for (let address = 1; address <= 5; address++) {
      for (const spelling of spellings) {
        answers.push(await tokenFrom(gw, `198.51.100.${address}`, spelling));
      }
    }
    assert.deepEqual(statuses(answers), { 201: PER_MERCHANT, 429: 25 - PER_MERCHANT });
    for (const answer of answers.filter((a) => a.status === 429)) assertRateLimited(answer);
    assert.equal(stores.merchant.size, 1, 'one bucket for the merchant, whatever the spelling');
  });

  it('invalid bodies and unknown keys from one address do not lock out the merchant', async () => {
    const attacker = '203.0.113.66';
    const pk = `Bearer ${gw.pk}`;
    const attempts = [
      ...Array.from({ length: 40 }, () => tokenFrom(gw, attacker, pk, { card: {} })),
      ...Array.from({ length: 40 }, () =>
        tokenFrom(gw, attacker, pk, { card: { ...validBody.card, number: '4242424242424241' } }),
      ),
      ...Array.from({ length: 40 }, (_, i) => tokenFrom(gw, attacker, `Bearer pk_test_junk${i}`)),
    ];
    const answers = await Promise.all(attempts);
    const counts = statuses(answers);
    assert.equal(counts[201], undefined);
    assert.equal(counts[429], answers.length - PER_ADDRESS, JSON.stringify(counts));
    // The attacker's own address is spent, even for a valid request...
    assertRateLimited(await tokenFrom(gw, attacker, pk));
    // ...and the merchant's customers elsewhere are not touched.
    assert.equal((await tokenFrom(gw, '198.51.100.20', pk)).status, 201);
    assert.equal((await tokenFrom(gw, '198.51.100.21', `bearer ${gw.pk}`)).status, 201);
  });

  it('the merchant budget holds across many addresses, for that merchant and mode only', async () => {
    const other = await gw.addMerchant();
    const answers: ApiAnswer[] = [];
    for (let address = 1; address <= PER_MERCHANT + 8; address++) {
      answers.push(await tokenFrom(gw, `192.0.2.${address}`, `Bearer ${other.pk}`));
    }
    assert.deepEqual(statuses(answers), { 201: PER_MERCHANT, 429: 8 });
    for (const answer of answers.slice(PER_MERCHANT)) assertRateLimited(answer);
    // The fields read Retry-After across origins.
    const fromPage = await tokenFrom(gw, '192.0.2.199', `Bearer ${other.pk}`, validBody, {
      origin: 'https://shop.example',
    });
    assertRateLimited(fromPage);
    assert.match(fromPage.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
    // An invalid body is told so, not 429: it never reaches the merchant's budget.
    const invalid = await tokenFrom(gw, '192.0.2.200', `Bearer ${other.pk}`, { card: {} });
    assert.equal(errorOf(invalid).code, 'validation_error');
    // Its live key counts apart from its test key; other merchants are untouched.
    assert.equal((await tokenFrom(gw, '192.0.2.201', `Bearer ${other.pkLive}`)).status, 201);
    assert.equal((await tokenFrom(gw, '192.0.2.202', `Bearer ${gw.pk}`)).status, 201);

    clock.advance(60_000);
    assert.equal((await tokenFrom(gw, '192.0.2.1', `Bearer ${other.pk}`)).status, 201);
  });

  it('unknown keys create no merchant bucket and cannot evict one', async () => {
    const pk = `Bearer ${gw.pk}`;
    for (let i = 0; i < PER_MERCHANT - 2; i++) {
      assert.equal((await tokenFrom(gw, `192.0.2.${i + 1}`, pk)).status, 201);
    }
    assert.equal(stores.merchant.size, 1);
    // Ten times the address store's bound, each from its own address, every kind of junk key.
    const junk = ['pk_test_', 'pk_live_', 'sk_test_', '', 'x'];
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 32 }, (_, i) => {
          const n = batch * 32 + i;
          return tokenFrom(gw, `10.${batch}.${i}.1`, `Bearer ${junk[n % junk.length]}junk${n}`);
        }),
      );
      assert.deepEqual(statuses(answers), { 401: 32 });
    }
    assert.equal(stores.merchant.size, 1, 'no bucket was made for an unknown key');
    assert.ok(stores.address.size <= 64, `${stores.address.size} address buckets`);

    const burst: ApiAnswer[] = [];
    for (let i = 0; i < 5; i++) burst.push(await tokenFrom(gw, `198.51.100.${50 + i}`, pk));
    assert.deepEqual(statuses(burst), { 201: 2, 429: 3 });
  });

  it('counts IPv6 clients by /64 and IPv4-mapped clients as their IPv4 address', async () => {
    const pk = `Bearer ${gw.pk}`;
    for (let i = 0; i < PER_ADDRESS; i++) {
      const from = `2001:db8:aa:1::${(i + 1).toString(16)}`;
      assert.equal((await tokenFrom(gw, from, pk)).status, 201, from);
    }
    assertRateLimited(await tokenFrom(gw, '2001:db8:aa:1:ffff:ffff:ffff:ffff', pk));
    assert.equal((await tokenFrom(gw, '2001:db8:aa:2::1', pk)).status, 201, 'the next /64');

    for (let i = 0; i < PER_ADDRESS; i++) {
      assert.equal((await tokenFrom(gw, '192.0.2.77', pk)).status, 201);
    }
    assertRateLimited(await tokenFrom(gw, '::ffff:192.0.2.77', pk));
  });
});

describe('POST /v1/tokens rate limit behind a proxy (trustProxy)', () => {
  async function sharedBudget(trustProxy: boolean | string[] | undefined): Promise<boolean> {
    const gw = await startGateway({
      tokenRateLimit: 2,
      ...(trustProxy === undefined ? {} : { trustProxy }),
    });
    try {
      const key = `Bearer ${gw.pk}`;
      await tokenFrom(gw, '198.51.100.1', key);
      await tokenFrom(gw, '198.51.100.1', key);
      return (await tokenFrom(gw, '198.51.100.2', key)).status === 429;
    } finally {
      await gw.close();
    }
  }

  it('ignores X-Forwarded-For by default: a client cannot claim a fresh address', async () => {
    assert.equal(await sharedBudget(undefined), true);
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', async () => {
    assert.equal(await sharedBudget(['10.9.9.9', '2001:db8::/32']), true);
  });

  it('counts the forwarded client when the peer is a listed proxy', async () => {
    assert.equal(await sharedBudget(['10.9.9.9', '127.0.0.1/32']), false);
    assert.equal(await sharedBudget(['loopback']), false);
    assert.equal(await sharedBudget(true), false);
  });
});
