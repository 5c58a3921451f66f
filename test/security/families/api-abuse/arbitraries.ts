// The fast-check arbitraries the fuzz draws requests from: keys, content types, bodies,
// amounts, ids; and the pools of real tokens and payments a request may name.
import fc from 'fast-check';
import type { RawRequest } from '../../lib/http-client.js';

export interface Pools {
  pk: string;
  sk: string;
  freshTokens: string[];
  usedTokens: string[];
  paymentIds: string[];
}

const junkText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '%00',
    '${7*7}',
    '{{7*7}}',
  ),
);

export const jsonJunk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), junkText);

/** Authorization header values: valid keys, wrong kinds, garbage. `null` = no header. */
export function authArb(primary: string, other: string): fc.Arbitrary<string | null> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${primary}`) },
    { weight: 1, arbitrary: fc.constant(`Bearer ${other}`) },
    { weight: 1, arbitrary: fc.constant(null) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
        fc.constantFrom(
          'Bearer',
          'Bearer ',
          'Basic dXNlcjpwYXNz',
          `bearer ${primary}`,
          `Bearer  ${primary} `,
          `Bearer ${primary}x`,
        ),
        fc
          .constantFrom('pk_test_', 'sk_test_', 'sk_live_', 'pk_live_')
          .chain((p) => fc.string({ maxLength: 30 }).map((s) => `Bearer ${p}${s}`)),
      ),
    },
  );
}

export const contentTypeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      'application/json; charset=utf-8',
      'application/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/xml',
      'application/json; charset=utf-16',
      'application/json;;;',
      '*/*',
      'application/octet-stream',
    ),
  },
);

/** Bodies of every shape: near-valid objects from `near`, and raw abuse. */
export function bodyArb(near: fc.Arbitrary<unknown>): fc.Arbitrary<string | Buffer | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: near.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        // Oversized: over the few-KB limit.
        fc
          .integer({ min: 9_000, max: 300_000 })
          .map((n) => JSON.stringify({ card: { number: '4'.repeat(n) } })),
        // Deep nesting inside the limit.
        fc.integer({ min: 100, max: 4000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
        fc.integer({ min: 100, max: 1300 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
        // Prototype pollution.
        fc.constantFrom(
          '{"__proto__":{"admin":true},"card":{}}',
          '{"constructor":{"prototype":{"admin":true}}}',
          '{"card":{"__proto__":{"number":"4242424242424242"}}}',
        ),
        // Broken JSON and bytes that are not UTF-8.
        fc.constantFrom(
          '{"card":',
          '{"card":{"number":"4242424242424242",}}',
          'null',
          '[]',
          '"x"',
          '1e999',
          '{"a":1}{"b":2}',
        ),
        fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b)),
      ),
    },
  );
}

export interface FuzzCase {
  request: RawRequest;
  /** The request as text, for "does the answer echo it" checks. */
  requestText: string;
}

export function makeCase(
  method: string,
  path: string,
  auth: string | null,
  contentType: string | null,
  body: string | Buffer | undefined,
  extraHeaders: Record<string, string> = {},
): FuzzCase {
  const headers: Record<string, string> = { ...extraHeaders };
  if (auth !== null) headers.authorization = auth;
  if (contentType !== null && body !== undefined) headers['content-type'] = contentType;
  return {
    request: { method, path, headers, ...(body === undefined ? {} : { body }) },
    requestText: `${path}\n${body === undefined ? '' : body.toString()}`,
  };
}

export const amountArb = fc.oneof(
  fc.constantFrom(10, 10.5, 1, 0.01, 99999999.99),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.constantFrom(0, -1, -0.01, 1e-9, 0.001, 1e21, 1e308, 123.456),
  jsonJunk,
);

export const idArb = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.webSegment(),
  fc.constantFrom(
    'pay_',
    'pay_000000000000000000000000',
    '..',
    '.',
    '%2e%2e',
    '%00',
    '%E0%A4%A',
    '%',
    '%%',
    'a%2Fb',
    ' ',
    'tok_x',
    '4242424242424242',
  ),
  fc.string({ minLength: 60, maxLength: 2000 }),
);

/** `id` as a path segment: percent-encoded, or raw when it is already URL-safe junk. */
export function segment(id: string, raw: boolean): string {
  return raw &&
    /^[\x21-\x7e]*$/.test(id) &&
    !id.includes('/') &&
    !id.includes('?') &&
    !id.includes('#')
    ? id
    : encodeURIComponent(id);
}
