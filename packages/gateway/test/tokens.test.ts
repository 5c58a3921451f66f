import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway, testCard } from './harness.js';
import type { Gateway } from './harness.js';

describe('POST /v1/tokens', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());

  it('tokenizes a card with the publishable key and shows only bin, last4, brand, expiry', async () => {
    const answer = await gw.api('POST', '/v1/tokens', {
      key: gw.pk,
      body: {
        card: { number: '4242 4242-4242 4242', ...testCard, cardholder_name: 'Jane Doe' },
      },
    });
    assert.equal(answer.status, 201);
    const body = answer.body as Record<string, unknown>;
    assert.match(String(body.id), /^tok_[0-9a-f]{24}$/);
    assert.equal(body.object, 'token');
    assert.deepEqual(body.card, {
      bin: '424242',
      last4: '4242',
      brand: 'visa',
      exp_month: testCard.exp_month,
      exp_year: testCard.exp_year,
      networks: { available: ['visa'], preferred: null },
    });
    const created = Date.parse(String(body.created_at));
    assert.equal(Date.parse(String(body.expires_at)) - created, 30 * 60 * 1000);
    assert.equal(created, gw.clock.now().getTime());
    assert.ok(!answer.text.includes('4242424242424242'));
    // The CVC nowhere in the answer; the id is left out, its random hex may hold any digits.
    assert.ok(!answer.text.replace(String(body.id), '').includes('739'));
  });

  it('also accepts the secret key', async () => {
    const answer = await gw.api('POST', '/v1/tokens', {
      key: gw.sk,
      body: { card: { number: '4242424242424242', ...testCard } },
    });
    assert.equal(answer.status, 201);
  });

  for (const [number, brand, cvc] of [
    ['5555555555554444', 'mastercard', '739'],
    ['378282246310005', 'amex', '7391'],
    ['6011111111111117', 'discover', '739'],
    ['30569309025904', 'diners', '739'],
    ['3566002020360505', 'jcb', '739'],
    ['6200000000000005', 'unionpay', '739'],
    ['6759649826438453', 'maestro', '739'],
    ['1234567812345670', 'unknown', '739'],
  ] as const) {
    it(`recognises ${brand}`, async () => {
      const answer = await gw.api<{ card: { brand: string } }>('POST', '/v1/tokens', {
        key: gw.pk,
        body: { card: { number, ...testCard, cvc } },
      });
      assert.equal(answer.status, 201, answer.text);
      assert.equal(answer.body.card.brand, brand);
    });
  }

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ['a Luhn-invalid number', { number: '4242424242424241' }, 'validation_error', 'card.number'],
    [
      'a number too short for its brand',
      { number: '424242424242' },
      'validation_error',
      'card.number',
    ],
    ['letters in the number', { number: '4242abcd42424242' }, 'validation_error', 'card.number'],
    ['a number of the wrong type', { number: 4242424242424242 }, 'validation_error', 'card.number'],
    ['month 13', { exp_month: 13 }, 'validation_error', 'card.exp_month'],
    ['month 0', { exp_month: 0 }, 'validation_error', 'card.exp_month'],
    ['a month given as a string', { exp_month: '12' }, 'validation_error', 'card.exp_month'],
    ['a two-digit year', { exp_year: 30 }, 'validation_error', 'card.exp_year'],
    [
      'an expired card',
      { exp_year: new Date().getUTCFullYear() - 1 },
      'validation_error',
      'card.exp_year',
    ],
    ['a 4-digit CVC on visa', { cvc: '7391' }, 'validation_error', 'card.cvc'],
    [
      'a 3-digit CVC on amex',
      { number: '378282246310005', cvc: '739' },
      'validation_error',
      'card.cvc',
    ],
    ['a CVC with letters', { cvc: '7a9' }, 'validation_error', 'card.cvc'],
    ['a CVC given as a number', { cvc: 739 }, 'validation_error', 'card.cvc'],
    ['an unknown card field', { pin: '1234' }, 'validation_error', 'card.pin'],
    ['a missing cvc', { cvc: undefined }, 'validation_error', 'card.cvc'],
  ];
  for (const [what, change, code, param] of invalid) {
    it(`refuses ${what} with ${code} on ${param}`, async () => {
      const card: Record<string, unknown> = { number: '4242424242424242', ...testCard, ...change };
      const answer = await gw.api('POST', '/v1/tokens', { key: gw.pk, body: { card } });
      assert.equal(answer.status, 400, answer.text);
      const error = errorOf(answer);
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(error.code, code);
      assert.equal(error.param, param);
      assert.equal(error.request_id, answer.headers.get('request-id'));
      // Never the value, in any form.
      assert.ok(!answer.text.includes('424242424242'), answer.text);
      assert.ok(!/\b739\b|7391/.test(error.message), error.message);
    });
  }

  it('refuses a missing card, and unknown top-level fields', async () => {
    const missing = await gw.api('POST', '/v1/tokens', { key: gw.pk, body: {} });
    assert.equal(errorOf(missing).code, 'validation_error');
    assert.equal(errorOf(missing).param, 'card');
    const extra = await gw.api('POST', '/v1/tokens', {
      key: gw.pk,
      body: { card: { number: '4242424242424242', ...testCard }, amount: 5 },
    });
    assert.equal(errorOf(extra).param, 'amount');
  });

  it('lists several problems in details', async () => {
    const answer = await gw.api('POST', '/v1/tokens', {
      key: gw.pk,
      body: { card: { number: '4242424242424242', exp_month: 13, exp_year: 'x', cvc: '1' } },
    });
    const error = errorOf(answer) as { details?: { param: string }[] };
    assert.equal(answer.status, 400);
    assert.deepEqual(error.details?.map((d) => d.param).sort(), [
      'card.cvc',
      'card.exp_month',
      'card.exp_year',
    ]);
  });

  it('answers CORS preflight and CORS headers for browsers', async () => {
    const preflight = await fetch(`${gw.url}/v1/tokens`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    const post = await gw.api('POST', '/v1/tokens', {
      key: gw.pk,
      headers: { origin: 'https://shop.example' },
      body: { card: { number: '4242424242424242', ...testCard } },
    });
    assert.equal(post.headers.get('access-control-allow-origin'), '*');
    assert.match(post.headers.get('access-control-expose-headers') ?? '', /Request-Id/);
    // Error answers too, or the browser could not read the error code.
    for (const [key, body] of [
      [gw.pk, { card: { number: '4242424242424241', ...testCard } }],
      ['pk_test_unknown', { card: { number: '4242424242424242', ...testCard } }],
    ] as const) {
      const refused = await gw.api('POST', '/v1/tokens', {
        key,
        headers: { origin: 'https://shop.example' },
        body,
      });
      assert.ok(refused.status >= 400);
      assert.equal(refused.headers.get('access-control-allow-origin'), '*');
    }
  });

  it('gives no CORS to the secret-key endpoints', async () => {
    const preflight = await fetch(`${gw.url}/v1/payments`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const get = await gw.api('GET', '/v1/payments', {
      headers: { origin: 'https://shop.example' },
    });
    assert.equal(get.headers.get('access-control-allow-origin'), null);
  });
});

describe('POST /v1/tokens rate limit', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 3 });
  });
  after(() => gw.close());

  it('answers 429 rate_limited with Retry-After past the per-minute limit', async () => {
    const body = { card: { number: '4242424242424242', ...testCard } };
    for (let i = 0; i < 3; i++) {
      assert.equal((await gw.api('POST', '/v1/tokens', { key: gw.pk, body })).status, 201);
    }
    const limited = await gw.api('POST', '/v1/tokens', { key: gw.pk, body });
    assert.equal(limited.status, 429);
    const error = errorOf(limited);
    assert.equal(error.type, 'rate_limit_error');
    assert.equal(error.code, 'rate_limited');
    assert.equal(limited.headers.get('access-control-allow-origin'), '*');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(limited.headers.get('request-id'), error.request_id);
  });

  it('limits by client address too: a fresh key from the same address is still limited', async () => {
    const other = await gw.addMerchant();
    const limited = await gw.api('POST', '/v1/tokens', {
      key: other.pk,
      body: { card: { number: '4242424242424242', ...testCard } },
    });
    assert.equal(limited.status, 429);
  });

  it('does not limit the payment endpoints', async () => {
    for (let i = 0; i < 5; i++) {
      assert.equal((await gw.api('GET', '/v1/payments')).status, 200);
    }
  });
});
