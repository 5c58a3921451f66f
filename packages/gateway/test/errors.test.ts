import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway, testCard } from './harness.js';
import type { ApiAnswer, Gateway } from './harness.js';

/** Each answer: the documented body, Request-Id equal to request_id, JSON, never a stack. */
function assertErrorBody(answer: ApiAnswer, status: number, type: string, code: string): void {
  assert.equal(answer.status, status, answer.text);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  const error = errorOf(answer);
  assert.equal(error.type, type);
  assert.equal(error.code, code);
  assert.equal(typeof error.message, 'string');
  assert.match(error.request_id, /^req_[0-9a-f]{24}$/);
  assert.equal(answer.headers.get('request-id'), error.request_id);
  assert.doesNotMatch(answer.text, /at .*\.(ts|js):\d+|node_modules|stack/i);
}

/** A raw HTTP request, for what fetch will not send (a lying Content-Length). */
function raw(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/v1/tokens`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the error table', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());
  const tokenBody = { card: { number: '4242424242424242', ...testCard } };

  it('unauthorized: no key, a malformed header, an unknown key', async () => {
    const headerSets: Record<string, string>[] = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer ' },
    ];
    for (const headers of headerSets) {
      assertErrorBody(
        await gw.api('GET', '/v1/payments', { key: null, headers }),
        401,
        'authentication_error',
        'unauthorized',
      );
    }
    for (const key of ['sk_test_unknown', 'nonsense', gw.sk.toUpperCase()]) {
      assertErrorBody(
        await gw.api('GET', '/v1/payments', { key }),
        401,
        'authentication_error',
        'unauthorized',
      );
    }
    assertErrorBody(
      await gw.api('POST', '/v1/tokens', { key: 'pk_test_unknown', body: tokenBody }),
      401,
      'authentication_error',
      'unauthorized',
    );
  });

  it('unauthorized: the publishable key on every endpoint but /v1/tokens, saying a secret key is needed', async () => {
    const token = await gw.tokenize('4242424242424242');
    const p = (await gw.pay(await gw.tokenize('4242424242424242'))).body as { id: string };
    const calls: [string, string, unknown][] = [
      ['POST', '/v1/payments', { amount: 1, currency: 'usd', token }],
      ['GET', '/v1/payments', undefined],
      ['GET', `/v1/payments/${p.id}`, undefined],
      ['POST', `/v1/payments/${p.id}/capture`, {}],
      ['POST', `/v1/payments/${p.id}/void`, {}],
      ['POST', `/v1/payments/${p.id}/refund`, {}],
    ];
    for (const [method, path, body] of calls) {
      const answer = await gw.api(method, path, { key: gw.pk, body });
      assertErrorBody(answer, 401, 'authentication_error', 'unauthorized');
      assert.match(errorOf(answer).message, /secret key/);
    }
    // The token was not spent by the refused call.
    assert.equal((await gw.pay(token)).status, 201);
  });

  it('merchant_not_active: 403 for a deactivated merchant’s keys', async () => {
    const other = await gw.addMerchant();
    await gw.storage.setMerchantActive(other.id, false);
    assertErrorBody(
      await gw.api('GET', '/v1/payments', { key: other.sk }),
      403,
      'authentication_error',
      'merchant_not_active',
    );
    assertErrorBody(
      await gw.api('POST', '/v1/tokens', { key: other.pk, body: tokenBody }),
      403,
      'authentication_error',
      'merchant_not_active',
    );
  });

  it('invalid_json: broken JSON, an array, a string, null, empty body, wrong content type', async () => {
    const cases: [string, Record<string, string>][] = [
      ['{"card": {"number": "4242424242424242"', { 'content-type': 'application/json' }],
      ['[1,2]', { 'content-type': 'application/json' }],
      ['"card"', { 'content-type': 'application/json' }],
      ['null', { 'content-type': 'application/json' }],
      ['', { 'content-type': 'application/json' }],
      ['card=4242424242424242', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['4242424242424242', { 'content-type': 'text/plain' }],
      ['{"__proto__": {"x": 1}}', { 'content-type': 'application/json' }],
    ];
    for (const [body, headers] of cases) {
      const answer = await gw.api('POST', '/v1/tokens', { key: gw.pk, raw: body, headers });
      assertErrorBody(answer, 400, 'invalid_request_error', 'invalid_json');
      assert.ok(!answer.text.includes('4242424242424242'), answer.text);
    }
    assertErrorBody(
      await gw.api('POST', '/v1/payments', {
        raw: '[]',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'invalid_request_error',
      'invalid_json',
    );
    assertErrorBody(
      await gw.api('POST', '/v1/payments'),
      400,
      'invalid_request_error',
      'invalid_json',
    );
  });

  it('invalid_json: a body shorter than its Content-Length never becomes a 500', async () => {
    const answer = await raw(
      gw.url,
      {
        authorization: `Bearer ${gw.pk}`,
        'content-type': 'application/json',
        'content-length': '2',
      },
      '{"card":1}',
    );
    assert.ok(answer.status >= 400 && answer.status < 500, String(answer.status));
  });

  it('payload_too_large: 413 over the body limit', async () => {
    const body = {
      card: { number: '4242424242424242', ...testCard, cardholder_name: 'x'.repeat(20_000) },
    };
    assertErrorBody(
      await gw.api('POST', '/v1/tokens', { key: gw.pk, body }),
      413,
      'invalid_request_error',
      'payload_too_large',
    );
    assertErrorBody(
      await gw.api('POST', '/v1/payments', { body: { metadata: { a: 'x'.repeat(20_000) } } }),
      413,
      'invalid_request_error',
      'payload_too_large',
    );
  });

  it('validation_error names the param; invalid_amount and unsupported_currency too', async () => {
    const token = await gw.tokenize('4242424242424242');
    const missing = await gw.api('POST', '/v1/payments', { body: { currency: 'usd', token } });
    assertErrorBody(missing, 400, 'invalid_request_error', 'validation_error');
    assert.equal(errorOf(missing).param, 'amount');
    assertErrorBody(
      await gw.pay(token, { amount: 0 }),
      400,
      'invalid_request_error',
      'invalid_amount',
    );
    assertErrorBody(
      await gw.pay(token, { currency: 'abc' }),
      400,
      'invalid_request_error',
      'unsupported_currency',
    );
  });

  it('token_not_found, payment_token_already_used, payment_token_expired', async () => {
    assertErrorBody(await gw.pay('tok_nope'), 404, 'invalid_request_error', 'token_not_found');
    const token = await gw.tokenize('4242424242424242');
    await gw.pay(token);
    assertErrorBody(
      await gw.pay(token),
      400,
      'invalid_request_error',
      'payment_token_already_used',
    );
    const old = await gw.tokenize('4242424242424242');
    gw.clock.advance(31 * 60_000);
    assertErrorBody(await gw.pay(old), 400, 'invalid_request_error', 'payment_token_expired');
  });

  it('card_declined and friends: the payment object plus a payment_error', async () => {
    const answer = await gw.pay(await gw.tokenize('4000000000009995'));
    assert.equal(answer.status, 400);
    assert.equal(errorOf(answer).type, 'payment_error');
    assert.equal(errorOf(answer).code, 'insufficient_funds');
    assert.equal(errorOf(answer).request_id, answer.headers.get('request-id'));
    assert.equal((answer.body as { object: string }).object, 'payment');
  });

  it('invalid_status, not_found (route, object, method)', async () => {
    const p = (await gw.pay(await gw.tokenize('4242424242424242'))).body as { id: string };
    assertErrorBody(
      await gw.api('POST', `/v1/payments/${p.id}/void`),
      400,
      'invalid_request_error',
      'invalid_status',
    );
    assertErrorBody(await gw.api('GET', '/v1/nothing'), 404, 'invalid_request_error', 'not_found');
    assertErrorBody(
      await gw.api('DELETE', '/v1/tokens'),
      404,
      'invalid_request_error',
      'not_found',
    );
    assertErrorBody(
      await gw.api('GET', '/v1/payments/pay_nope'),
      404,
      'invalid_request_error',
      'not_found',
    );
    assertErrorBody(
      await gw.api('GET', '/frame/v1/index.html'),
      404,
      'invalid_request_error',
      'not_found',
    );
  });

  it('rate_limited and idempotency codes have their own suites (tokens, idempotency)', async () => {
    // Covered in tokens.test.ts and idempotency.test.ts; here only that a 429 is typed right.
    const limited = await startGateway({ tokenRateLimit: 1 });
    try {
      await limited.api('POST', '/v1/tokens', { key: limited.pk, body: tokenBody });
      assertErrorBody(
        await limited.api('POST', '/v1/tokens', { key: limited.pk, body: tokenBody }),
        429,
        'rate_limit_error',
        'rate_limited',
      );
    } finally {
      await limited.close();
    }
  });

  it('garbage of every shape never gets a 500', async () => {
    const bodies: unknown[] = [
      {},
      { card: null },
      { card: [] },
      { card: { number: null, exp_month: null, exp_year: null, cvc: null } },
      { card: { number: '4'.repeat(32), exp_month: 1.5, exp_year: 2030.5, cvc: '000' } },
      { card: { number: ' - - ', exp_month: 12, exp_year: 9999, cvc: '000' } },
      { card: { number: '4242424242424242', exp_month: 12, exp_year: 9999, cvc: '000' } },
      { amount: Number.MAX_VALUE, currency: 'usd', token: 'tok_x' },
      { amount: 1e-9, currency: 'usd', token: 'tok_x' },
      { amount: 10, currency: 'usd', token: 'x'.repeat(65) },
      { amount: 10, currency: 'usd', token: 'tok_x', metadata: [] },
      { amount: 10, currency: 'usd', token: 'tok_x', return_url: 'http://' },
    ];
    for (const body of bodies) {
      for (const [path, key] of [
        ['/v1/tokens', gw.pk],
        ['/v1/payments', gw.sk],
        ['/v1/payments/pay_x/refund', gw.sk],
      ] as const) {
        const answer = await gw.api('POST', path, { key, body });
        assert.ok(
          answer.status >= 400 && answer.status < 500,
          `${path} ${JSON.stringify(body)} → ${answer.status}`,
        );
        errorOf(answer);
      }
    }
  });
});

describe('headers on every answer', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  it('Request-Id and the security headers, on success, error and 404', async () => {
    const answers = [
      await gw.api('GET', '/healthz', { key: null }),
      await gw.api('GET', '/v1/payments'),
      await gw.api('GET', '/v1/payments', { key: null }),
      await gw.api('GET', '/nope'),
      await gw.api('POST', '/v1/tokens', {
        key: gw.pk,
        raw: '{',
        headers: { 'content-type': 'application/json' },
      }),
    ];
    const ids = new Set<string>();
    for (const answer of answers) {
      const id = answer.headers.get('request-id') ?? '';
      assert.match(id, /^req_[0-9a-f]{24}$/);
      ids.add(id);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(answer.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(answer.headers.get('x-frame-options'), 'DENY');
      assert.match(answer.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    }
    assert.equal(ids.size, answers.length);
  });

  it('ignores a client-sent Request-Id', async () => {
    const answer = await gw.api('GET', '/healthz', {
      key: null,
      headers: { 'request-id': 'evil' },
    });
    assert.notEqual(answer.headers.get('request-id'), 'evil');
  });

  it('GET /healthz answers 200', async () => {
    const answer = await gw.api('GET', '/healthz', { key: null });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'ok' });
  });

  it('GET /openapi.json describes every endpoint from the route schemas', async () => {
    const answer = await gw.api<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>('GET', '/openapi.json', { key: null });
    assert.equal(answer.status, 200);
    assert.match(answer.body.openapi, /^3\./);
    const paths = answer.body.paths;
    assert.ok(paths['/v1/tokens']?.post);
    assert.ok(paths['/v1/payments']?.post);
    assert.ok(paths['/v1/payments']?.get);
    assert.ok(paths['/v1/payments/{id}']?.get);
    for (const action of ['capture', 'void', 'refund']) {
      assert.ok(paths[`/v1/payments/{id}/${action}`]?.post, action);
    }
    assert.ok(paths['/3ds/{id}/{secret}']?.get);
    const tokenSchema = JSON.stringify(paths['/v1/tokens']?.post);
    assert.match(tokenSchema, /exp_month/);
    assert.ok(!('/bench/echo' in paths));
  });
});

describe('api_error', () => {
  it('a failure inside the gateway answers 500 api_error without internals', async () => {
    const gw = await startGateway();
    try {
      // A real fault: the database goes away under the running server.
      await gw.storage.close();
      const answer = await gw.api('GET', '/v1/payments');
      assertErrorBody(answer, 500, 'api_error', 'api_error');
      assert.equal(errorOf(answer).message, 'An internal error occurred');
      assert.doesNotMatch(answer.text, /database|sqlite|connection/i);
      assert.match(gw.logs(), /request failed/);
    } finally {
      await gw.app.close();
      rmSync(gw.dir, { recursive: true, force: true });
    }
  });
});
