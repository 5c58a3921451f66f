// One generator per endpoint: a seeded batch of requests around what it accepts.
import fc from 'fast-check';
import { EXP_MONTH, EXP_YEAR, TEST_CARDS, luhnNumber } from '../../lib/test-cards.js';
import {
  amountArb,
  authArb,
  bodyArb,
  contentTypeArb,
  idArb,
  jsonJunk,
  makeCase,
  segment,
  type FuzzCase,
  type Pools,
} from './arbitraries.js';

export function tokenCases(p: Pools, n: number, seed: number): FuzzCase[] {
  const cardField = fc.record(
    {
      number: fc.oneof(
        fc.constantFrom(
          ...TEST_CARDS.map((c) => c.number),
          '4242 4242 4242 4242',
          '4242-4242-4242-4242',
          '4242424242424241',
          '0000000000000000',
        ),
        fc
          .integer({ min: 12, max: 19 })
          .chain((len) => fc.nat().map((s) => luhnNumber('9', len, (i) => s + i * 7))),
        jsonJunk,
      ),
      exp_month: fc.oneof(fc.constant(EXP_MONTH), fc.integer({ min: -5, max: 20 }), jsonJunk),
      exp_year: fc.oneof(
        fc.constant(EXP_YEAR),
        fc.integer({ min: 1990, max: 2200 }),
        fc.integer(),
        jsonJunk,
      ),
      cvc: fc.oneof(fc.constantFrom('731', '6108', '12', '12345', 'abc'), jsonJunk),
      cardholder_name: fc.oneof(fc.string({ maxLength: 120 }), jsonJunk),
      extra: jsonJunk,
    },
    { requiredKeys: [] },
  );
  const near = fc.oneof(
    fc.record({ card: cardField }, { requiredKeys: [] }),
    fc.record({ card: jsonJunk, other: jsonJunk }, { requiredKeys: [] }),
  );
  return fc
    .sample(fc.tuple(authArb(p.pk, p.sk), contentTypeArb, bodyArb(near)), { numRuns: n, seed })
    .map(([auth, ct, body]) => makeCase('POST', '/v1/tokens', auth, ct, body));
}

export function paymentCases(p: Pools, n: number, seed: number): FuzzCase[] {
  const tokenArb = fc.oneof(
    fc.nat().map((i) => p.freshTokens[i % p.freshTokens.length] ?? 'tok_missing'),
    fc.nat().map((i) => p.usedTokens[i % p.usedTokens.length] ?? 'tok_missing'),
    fc.constantFrom('tok_000000000000000000000000', '4242424242424242', '4242 4242 4242 4242'),
    jsonJunk,
  );
  const near = fc.record(
    {
      amount: amountArb,
      currency: fc.oneof(
        fc.constantFrom('usd', 'USD', 'jpy', 'eur', 'xxx', 'us', 'usdd', ''),
        jsonJunk,
      ),
      token: tokenArb,
      capture_method: fc.oneof(fc.constantFrom('automatic', 'manual', 'later'), jsonJunk),
      return_url: fc.oneof(
        fc.webUrl(),
        fc.constantFrom(
          'javascript:alert(1)',
          'data:text/html,x',
          '//shop',
          'ftp://x',
          '/relative',
        ),
        jsonJunk,
      ),
      external_id: fc.oneof(fc.string({ maxLength: 300 }), jsonJunk),
      metadata: fc.oneof(
        fc.dictionary(
          fc.string({ maxLength: 50 }),
          fc.oneof(fc.string({ maxLength: 600 }), jsonJunk),
          { maxKeys: 25 },
        ),
        jsonJunk,
      ),
      extra: jsonJunk,
    },
    { requiredKeys: [] },
  );
  const idempotencyArb = fc.option(
    fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }), fc.constant('fixed-key')),
    { nil: undefined },
  );
  return fc
    .sample(fc.tuple(authArb(p.sk, p.pk), contentTypeArb, bodyArb(near), idempotencyArb), {
      numRuns: n,
      seed,
    })
    .map(([auth, ct, body, key]) =>
      makeCase(
        'POST',
        '/v1/payments',
        auth,
        ct,
        body,
        key === undefined || !/^[\x20-\x7e]*$/.test(key) ? {} : { 'idempotency-key': key },
      ),
    );
}

export function paymentIdCases(p: Pools, n: number, seed: number): FuzzCase[] {
  const target = fc.oneof(
    fc.nat().map((i) => p.paymentIds[i % p.paymentIds.length] ?? 'pay_x'),
    idArb,
  );
  const action = fc.constantFrom('', '/capture', '/void', '/refund', '/refund/', '/capture/extra');
  const near = fc.record({ amount: amountArb, extra: jsonJunk }, { requiredKeys: [] });
  return fc
    .sample(
      fc.tuple(
        target,
        fc.boolean(),
        action,
        fc.constantFrom('GET', 'POST'),
        authArb(p.sk, p.pk),
        contentTypeArb,
        bodyArb(near),
      ),
      { numRuns: n, seed },
    )
    .map(([id, raw, act, method, auth, ct, body]) =>
      makeCase(
        method,
        `/v1/payments/${segment(id, raw)}${act}`,
        auth,
        ct,
        method === 'GET' ? undefined : body,
      ),
    );
}

export function listCases(p: Pools, n: number, seed: number): FuzzCase[] {
  const param = fc.tuple(
    fc.constantFrom(
      'limit',
      'starting_after',
      'limit',
      'ending_before',
      'expand[]',
      '__proto__',
      'limit[]',
    ),
    fc.oneof(
      fc.constantFrom('1', '100', '0', '101', '-1', '1e2', '10.5', '999', ''),
      fc.nat().map((i) => p.paymentIds[i % p.paymentIds.length] ?? ''),
      idArb,
    ),
  );
  return fc
    .sample(fc.tuple(fc.array(param, { maxLength: 4 }), authArb(p.sk, p.pk)), { numRuns: n, seed })
    .map(([params, auth]) => {
      const query = params
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
      return makeCase('GET', `/v1/payments${query ? `?${query}` : ''}`, auth, null, undefined);
    });
}

export function challengeCases(p: Pools, n: number, seed: number): FuzzCase[] {
  const target = fc.oneof(
    fc.nat().map((i) => p.paymentIds[i % p.paymentIds.length] ?? 'pay_x'),
    idArb,
  );
  const form = fc.oneof(
    fc
      .record(
        {
          decision: fc.oneof(fc.constantFrom('complete', 'fail'), fc.string({ maxLength: 20 })),
          parent_origin: fc.oneof(fc.webUrl(), fc.string({ maxLength: 40 })),
        },
        { requiredKeys: [] },
      )
      .map((o) =>
        new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString(),
      ),
    fc.string({ maxLength: 200 }),
  );
  return fc
    .sample(
      fc.tuple(
        target,
        idArb,
        fc.boolean(),
        fc.constantFrom('GET', 'POST'),
        fc.option(fc.oneof(fc.webUrl(), fc.string({ maxLength: 60 })), { nil: undefined }),
        form,
        fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain'),
      ),
      { numRuns: n, seed },
    )
    .map(([id, secret, raw, method, parent, body, ct]) => {
      const query = parent === undefined ? '' : `?parent_origin=${encodeURIComponent(parent)}`;
      return makeCase(
        method,
        `/3ds/${segment(id, raw)}/${segment(secret, raw)}${query}`,
        null,
        ct,
        method === 'POST' ? body : undefined,
      );
    });
}

export function routeCases(p: Pools, n: number, seed: number): FuzzCase[] {
  const path = fc.oneof(
    fc.webPath().map((s) => s || '/'),
    fc.constantFrom(
      '/v1',
      '/v1/',
      '/v1/tokens/',
      '/v1/tokens/x',
      '/V1/TOKENS',
      '/v1//payments',
      '/v1/payments/../tokens',
      '/frame/v1/../../package.json',
      '/sdk/v1/..%2f..%2fpackage.json',
      '/frame/v1/%2e%2e/%2e%2e/src/main.ts',
      '/healthz?x=1',
      '/openapi.json',
      '/%',
      '/%ZZ',
      '/3ds/assets/../../package.json',
      '/3ds/assets/challenge.js?<x>',
    ),
  );
  return fc
    .sample(
      fc.tuple(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        path,
        authArb(p.sk, p.pk),
        contentTypeArb,
        bodyArb(jsonJunk),
      ),
      { numRuns: n, seed },
    )
    .map(([method, pth, auth, ct, body]) =>
      makeCase(method, pth, auth, ct, method === 'GET' || method === 'HEAD' ? undefined : body),
    );
}
