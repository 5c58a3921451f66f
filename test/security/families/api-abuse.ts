// Family 3: property-based fuzzing of every gateway endpoint (fast-check generates the
// requests), raw transport abuse, and card testing against the /v1/tokens rate limit.
import net from 'node:net';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { contractProblem, echoedNumber, isFailedPayment } from '../lib/api-contract.js';
import { startGateway, stopGateway, type GatewayRun } from '../lib/gateway-process.js';
import { api, pool, send, type RawRequest, type RawResponse } from '../lib/http-client.js';
import { FamilyResult } from '../lib/results.js';
import {
  EXP_MONTH,
  EXP_YEAR,
  TEST_CARDS,
  cardBody,
  luhnNumber,
  usedSecrets,
} from '../lib/test-cards.js';

const FUZZ_PORT = 8821;
const LIMIT_PORT = 8822;
/** Per client address (PAY_TOKEN_RATE_LIMIT) and per merchant, each per minute. */
const TOKEN_LIMIT = 10;
const MERCHANT_LIMIT = 30;
const JUNK_KEYS = 6000;
/** Fixed, printed seed: a failure is reproduced by running the suite again. */
export const FUZZ_SEED = Number(process.env.SECURITY_FUZZ_SEED ?? 20261125);

interface Pools {
  pk: string;
  sk: string;
  freshTokens: string[];
  usedTokens: string[];
  paymentIds: string[];
}

// ---------------------------------------------------------------- arbitraries

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

const jsonJunk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), junkText);

/** Authorization header values: valid keys, wrong kinds, garbage. `null` = no header. */
function authArb(primary: string, other: string): fc.Arbitrary<string | null> {
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

const contentTypeArb = fc.oneof(
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
function bodyArb(near: fc.Arbitrary<unknown>): fc.Arbitrary<string | Buffer | undefined> {
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

interface FuzzCase {
  request: RawRequest;
  /** The request as text, for "does the answer echo it" checks. */
  requestText: string;
}

function makeCase(
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

const amountArb = fc.oneof(
  fc.constantFrom(10, 10.5, 1, 0.01, 99999999.99),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.constantFrom(0, -1, -0.01, 1e-9, 0.001, 1e21, 1e308, 123.456),
  jsonJunk,
);

const idArb = fc.oneof(
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
function segment(id: string, raw: boolean): string {
  return raw &&
    /^[\x21-\x7e]*$/.test(id) &&
    !id.includes('/') &&
    !id.includes('?') &&
    !id.includes('#')
    ? id
    : encodeURIComponent(id);
}

// ---------------------------------------------------------------- endpoint properties

function tokenCases(p: Pools, n: number, seed: number): FuzzCase[] {
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

function paymentCases(p: Pools, n: number, seed: number): FuzzCase[] {
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

function paymentIdCases(p: Pools, n: number, seed: number): FuzzCase[] {
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

function listCases(p: Pools, n: number, seed: number): FuzzCase[] {
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

function challengeCases(p: Pools, n: number, seed: number): FuzzCase[] {
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

function routeCases(p: Pools, n: number, seed: number): FuzzCase[] {
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

/** A merchant's bug: the card number sent where an id goes. The answer must not repeat it. */
function misplacedNumberCases(p: Pools): FuzzCase[] {
  const json = 'application/json';
  const sk = `Bearer ${p.sk}`;
  return [
    makeCase(
      'POST',
      '/v1/payments',
      sk,
      json,
      JSON.stringify({ amount: 10, currency: 'usd', token: '4242424242424242' }),
    ),
    makeCase(
      'POST',
      '/v1/payments',
      sk,
      json,
      JSON.stringify({ amount: 10, currency: 'usd', token: '5555 5555 5555 4444' }),
    ),
    makeCase('GET', '/v1/payments/4242424242424242', sk, null, undefined),
    makeCase('POST', '/v1/payments/6011111111111117/refund', sk, json, '{}'),
    makeCase('GET', `/v1/payments?starting_after=4242424242424242`, sk, null, undefined),
    makeCase(
      'POST',
      '/v1/tokens',
      `Bearer ${p.pk}`,
      json,
      JSON.stringify({
        card: { number: '4242424242424241', exp_month: 1, exp_year: EXP_YEAR, cvc: '731' },
      }),
    ),
    makeCase(
      'POST',
      '/v1/tokens',
      `Bearer ${p.pk}`,
      json,
      JSON.stringify({
        card: { number: '4242424242424242', exp_month: 13, exp_year: EXP_YEAR, cvc: '73' },
      }),
    ),
    makeCase(
      'POST',
      '/v1/tokens',
      `Bearer ${p.pk}`,
      json,
      '{"card":{"number":"4242424242424242","cvc":"731",',
    ),
  ];
}

// ---------------------------------------------------------------- running cases

/** Counts answers that stored something, so the row counts after can be checked. */
interface Effects {
  tokens: number;
  payments: number;
}

function classify(req: RawRequest, res: RawResponse, effects: Effects): void {
  if (req.method === 'POST' && req.path === '/v1/tokens' && res.status === 201) {
    effects.tokens++;
    // Whatever card this fuzz case tokenized is now at rest: family 6 looks for it too.
    const card = (JSON.parse(String(req.body)) as { card: { number: string; cvc: string } }).card;
    usedSecrets.numbers.add(card.number.replace(/[ -]/g, ''));
    usedSecrets.cvcs.add(card.cvc);
  }
  const created = res.status === 201 || res.status === 202 || isFailedPayment(res);
  if (
    req.method === 'POST' &&
    req.path === '/v1/payments' &&
    created &&
    res.headers['idempotent-replayed'] !== 'true'
  )
    effects.payments++;
}

function caseProblem(c: FuzzCase, res: RawResponse): string | undefined {
  // HEAD answers carry no body: status and Request-Id are all there is to check.
  if (c.request.method === 'HEAD') {
    if (res.status >= 500) return `HTTP ${res.status}`;
    return res.headers['request-id'] ? undefined : `HTTP ${res.status} without a Request-Id header`;
  }
  const problem = contractProblem(res, c.requestText);
  if (problem) return problem;
  // Metadata is echoed by design; everywhere else a card number sent must not come back.
  const echoes = res.status >= 400 || c.request.path === '/v1/tokens';
  if (echoes && !isFailedPayment(res)) {
    const echoed = echoedNumber(c.requestText, res.text);
    if (echoed)
      return `the answer repeats the card-like number ${echoed.slice(0, 4)}…${echoed.slice(-4)} it was sent`;
  }
  return undefined;
}

function describe(c: FuzzCase): string {
  const body =
    c.request.body === undefined
      ? ''
      : ` body=${JSON.stringify(c.request.body.toString().slice(0, 160))}`;
  return `${c.request.method} ${c.request.path.slice(0, 120)} ${JSON.stringify(c.request.headers ?? {}).slice(0, 160)}${body}`;
}

async function runCases(
  result: FamilyResult,
  label: string,
  gw: GatewayRun,
  cases: FuzzCase[],
  effects: Effects,
): Promise<void> {
  await pool(
    4,
    cases.map((c) => async () => {
      let problem: string | undefined;
      try {
        const res = await send(gw.url, c.request);
        classify(c.request, res, effects);
        problem = caseProblem(c, res);
      } catch (error) {
        problem = `no HTTP answer (${(error as Error).message})`;
      }
      result.record(`${label}: ${describe(c)}`, problem);
    }),
  );
}

async function countPayments(gw: GatewayRun): Promise<number> {
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const res = await api(
      gw.url,
      'GET',
      `/v1/payments?limit=100${after ? `&starting_after=${after}` : ''}`,
      gw.secretKey,
    );
    const page = res.json as { data: { id: string }[]; has_more: boolean };
    count += page.data.length;
    if (!page.has_more) return count;
    after = page.data[page.data.length - 1]?.id;
  }
}

/** Requests no HTTP client library would send: the raw socket. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.end(bytes);
  });
}

const TRANSPORT_CASES: [string, (key: string) => string][] = [
  [
    'header over 16 KB',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nX-Pad: ${'a'.repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
  ],
  ['malformed request line', () => 'GARBAGE / / HTTP/9.9\r\n\r\n'],
  [
    'two Content-Length headers',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
  ],
  [
    'Content-Length and chunked',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  ],
  [
    'bad chunk size',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
  ],
  [
    'body shorter than Content-Length',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 50\r\nConnection: close\r\n\r\n{"card":`,
  ],
  [
    'control byte in a header',
    (key) => `GET /v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\x01\r\n\r\n`,
  ],
];

/** Each raw answer: never 5xx, never internals; an HTTP error with a JSON body of the documented shape. */
function transportProblem(raw: string): string | undefined {
  if (raw === '') return undefined; // the connection was closed: nothing leaked
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
  if (!status) return `not an HTTP answer: ${JSON.stringify(raw.slice(0, 80))}`;
  if (status >= 500) return `HTTP ${status}`;
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const headers = Object.fromEntries(
    head
      .split('\r\n')
      .slice(1)
      .map((line) => [
        line.slice(0, line.indexOf(':')).toLowerCase(),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
  );
  const text = /chunked/i.test(headers['transfer-encoding'] ?? '')
    ? body.replace(/^[0-9a-f]+\r\n|\r\n[0-9a-f]+\r\n/gi, '')
    : body;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return contractProblem({ status, headers, text, json });
}

// ---------------------------------------------------------------- card testing

/** A tokenize request from a loopback client address (127.0.0.0/8 all reaches the gateway). */
function tokenFrom(
  gw: GatewayRun,
  localAddress: string,
  authorization: string,
  body: unknown = cardBody(TEST_CARDS[0]!),
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return send(gw.url, {
    method: 'POST',
    path: '/v1/tokens',
    localAddress,
    headers: { authorization, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function statusCount(answers: RawResponse[], status: number): number {
  return answers.filter((r) => r.status === status).length;
}

/** A fresh limited gateway per scenario (fresh budgets); afterwards, refused requests stored nothing. */
async function limitedScenario(
  result: FamilyResult,
  label: string,
  run: (gw: GatewayRun) => Promise<RawResponse[]>,
): Promise<void> {
  const gw = await startGateway({
    port: LIMIT_PORT,
    tokenRateLimit: TOKEN_LIMIT,
    env: { PAY_TOKEN_RATE_LIMIT_PER_MERCHANT: String(MERCHANT_LIMIT) },
  });
  let created = 0;
  try {
    const answers = await run(gw);
    created = statusCount(answers, 201);
    const problems = answers.map((res) => contractProblem(res)).filter((p) => p !== undefined);
    result.record(
      `${label}: every answer has the documented shape`,
      problems.length ? `${problems.length} of ${answers.length}: ${problems[0]}` : undefined,
    );
  } finally {
    await stopGateway(gw);
  }
  const db = new Database(gw.databaseFile, { readonly: true });
  try {
    const rows = (db.prepare('SELECT count(*) AS n FROM tokens').get() as { n: number }).n;
    result.check(
      `${label}: refused requests stored nothing`,
      rows === created,
      `${rows} token rows for ${created} tokens answered 201`,
    );
  } finally {
    db.close();
  }
}

async function cardTesting(result: FamilyResult): Promise<void> {
  await limitedScenario(result, 'card testing, per merchant and per address', async (gw) => {
    const pk = `Bearer ${gw.publishableKey}`;
    // Per merchant: its key from more addresses than its budget, one request each.
    const byKey = await Promise.all(
      Array.from({ length: MERCHANT_LIMIT + 8 }, (_, i) => tokenFrom(gw, `127.0.0.${10 + i}`, pk)),
    );
    checkBurst(
      result,
      `card testing, one key from ${MERCHANT_LIMIT + 8} addresses`,
      byKey,
      MERCHANT_LIMIT,
    );

    // Per address: rotating (made-up) keys from one address.
    const byAddress = await Promise.all(
      Array.from({ length: TOKEN_LIMIT + 8 }, (_, i) =>
        tokenFrom(gw, '127.0.0.99', `Bearer pk_test_rotating_${i}`),
      ),
    );
    const limited = statusCount(byAddress, 429);
    result.check(
      'card testing, rotating keys from one address',
      limited === 8 && statusCount(byAddress, 401) === TOKEN_LIMIT,
      `${limited} of ${TOKEN_LIMIT + 8} answered 429 (expected 8 after ${TOKEN_LIMIT} answered 401)`,
    );

    // A browser reads Retry-After across origins only when CORS exposes it.
    const cors = await tokenFrom(gw, '127.0.0.99', pk, undefined, { origin: 'http://127.0.0.1:1' });
    const exposed = String(cors.headers['access-control-expose-headers'] ?? '').toLowerCase();
    result.check(
      '429 readable by the fields (CORS exposes Retry-After)',
      cors.status === 429 && exposed.includes('retry-after'),
      `status ${cors.status}, expose-headers "${exposed}"`,
    );
    return [...byKey, ...byAddress, cors];
  });

  await limitedScenario(result, 'card testing, Authorization spellings', async (gw) => {
    const spellings = ['Bearer ', 'bearer ', 'BEARER ', 'Bearer  ', 'bEaReR '].map(
      (scheme) => `${scheme}${gw.publishableKey}`,
    );
    // Five addresses, each within its own budget: only the merchant's can stop them.
    const answers = await Promise.all(
      Array.from({ length: 5 * TOKEN_LIMIT }, (_, i) =>
        tokenFrom(gw, `127.0.1.${1 + (i % 5)}`, spellings[i % spellings.length]!),
      ),
    );
    checkBurst(
      result,
      `card testing, 5 spellings of one key from 5 addresses (merchant budget ${MERCHANT_LIMIT})`,
      answers,
      MERCHANT_LIMIT,
    );
    return answers;
  });

  await limitedScenario(result, 'card testing, junk from attackers', async (gw) => {
    const pk = `Bearer ${gw.publishableKey}`;
    const card = cardBody(TEST_CARDS[0]!).card as Record<string, unknown>;
    const failsLuhn = '4242424242424241';
    usedSecrets.numbers.add(failsLuhn);
    // Invalid bodies with the merchant's own key, from one address: they spend that address.
    const invalid = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        tokenFrom(
          gw,
          '127.0.2.1',
          pk,
          i % 2 ? { card: {} } : { card: { ...card, number: failsLuhn } },
        ),
      ),
    );
    result.check(
      'card testing, 120 invalid bodies with the merchant key from one address',
      statusCount(invalid, 400) === TOKEN_LIMIT && statusCount(invalid, 429) === 120 - TOKEN_LIMIT,
      `${statusCount(invalid, 400)} answered 400, ${statusCount(invalid, 429)} answered 429`,
    );
    const customer = await tokenFrom(gw, '127.0.2.2', pk);
    result.check(
      'card testing, after those invalid bodies a customer from another address gets a token',
      customer.status === 201,
      `the customer got ${customer.status}`,
    );

    // Part of the merchant's budget spent by real customers...
    const spent = await Promise.all(
      Array.from({ length: 2 * TOKEN_LIMIT }, (_, i) =>
        tokenFrom(gw, `127.0.2.${3 + (i % 2)}`, pk),
      ),
    );
    result.check(
      'card testing, customers within the budgets get their tokens',
      statusCount(spent, 201) === spent.length,
      `${statusCount(spent, 201)} of ${spent.length} answered 201`,
    );
    const left = MERCHANT_LIMIT - 1 - spent.length;
    // ...then thousands of unknown keys from hundreds of addresses (each within its budget).
    const junkKinds = ['pk_test_', 'pk_live_', 'sk_test_', `${gw.publishableKey}x`, ''];
    const junk = await pool(
      64,
      Array.from({ length: JUNK_KEYS }, (_, i) => () => {
        const address = Math.floor(i / TOKEN_LIMIT);
        return tokenFrom(
          gw,
          `127.3.${address >> 8}.${address & 255}`,
          `Bearer ${junkKinds[i % junkKinds.length]}junk${i}`,
        );
      }),
    );
    result.check(
      `card testing, ${JUNK_KEYS} unknown keys from ${JUNK_KEYS / TOKEN_LIMIT} addresses`,
      statusCount(junk, 401) === JUNK_KEYS,
      `${statusCount(junk, 401)} of ${JUNK_KEYS} answered 401`,
    );
    // The merchant's bucket was neither flushed nor replaced: the next burst gets what is left.
    const burst = await Promise.all(
      Array.from({ length: 5 * TOKEN_LIMIT }, (_, i) =>
        tokenFrom(gw, `127.0.2.${10 + (i % 5)}`, pk),
      ),
    );
    checkBurst(
      result,
      `card testing, after the junk the merchant budget still holds (${left} left)`,
      burst,
      left,
    );
    return [...invalid, customer, ...spent, ...junk, ...burst];
  });
}

function checkBurst(
  result: FamilyResult,
  label: string,
  answers: RawResponse[],
  limit: number,
): void {
  const ok = answers.filter((r) => r.status === 201).length;
  const limited = answers.filter((r) => r.status === 429);
  result.check(
    label,
    ok === limit && limited.length === answers.length - limit,
    `${ok} answered 201 and ${limited.length} answered 429 (limit ${limit})`,
  );
  for (const res of limited) {
    const retryAfter = Number(res.headers['retry-after']);
    result.check(
      `${label}: 429 carries Retry-After`,
      Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
      `Retry-After "${String(res.headers['retry-after'])}"`,
    );
    result.record(
      `${label}: 429 body`,
      contractProblem(res) ??
        ((res.json as { error?: { code?: string } }).error?.code === 'rate_limited'
          ? undefined
          : 'code is not rate_limited'),
    );
  }
}

// ---------------------------------------------------------------- the family

export async function apiAbuse(scale: number): Promise<FamilyResult> {
  const result = new FamilyResult('3 API abuse');
  const gw = await startGateway({ port: FUZZ_PORT });
  const effects: Effects = { tokens: 0, payments: 0 };
  try {
    const p: Pools = {
      pk: gw.publishableKey,
      sk: gw.secretKey,
      freshTokens: [],
      usedTokens: [],
      paymentIds: [],
    };
    for (let i = 0; i < 40; i++) {
      const res = await api(
        gw.url,
        'POST',
        '/v1/tokens',
        p.pk,
        cardBody(TEST_CARDS[i % TEST_CARDS.length]!),
      );
      effects.tokens++;
      p.freshTokens.push((res.json as { id: string }).id);
    }
    for (const [i, method] of [
      'automatic',
      'manual',
      'automatic',
      'manual',
      'automatic',
      'automatic',
    ].entries()) {
      const token = p.freshTokens.pop()!;
      const res = await api(gw.url, 'POST', '/v1/payments', p.sk, {
        amount: 25 + i,
        currency: 'usd',
        token,
        capture_method: method,
        return_url: 'https://shop.example/done',
      });
      effects.payments++;
      p.usedTokens.push(token);
      p.paymentIds.push((res.json as { id: string }).id);
    }

    const before = await countPayments(gw);
    const n = (k: number) => Math.max(10, Math.round(k * scale));
    const seeds = FUZZ_SEED;
    await runCases(result, 'POST /v1/tokens', gw, tokenCases(p, n(320), seeds), effects);
    await runCases(result, 'POST /v1/payments', gw, paymentCases(p, n(280), seeds + 1), effects);
    await runCases(
      result,
      '/v1/payments/{id}[/action]',
      gw,
      paymentIdCases(p, n(280), seeds + 2),
      effects,
    );
    await runCases(result, 'GET /v1/payments', gw, listCases(p, n(120), seeds + 3), effects);
    await runCases(result, '/3ds/{id}/{secret}', gw, challengeCases(p, n(120), seeds + 4), effects);
    await runCases(result, 'any route', gw, routeCases(p, n(150), seeds + 5), effects);
    await runCases(
      result,
      'card number where it does not belong',
      gw,
      misplacedNumberCases(p),
      effects,
    );
    for (const [label, build] of TRANSPORT_CASES) {
      result.record(
        `transport: ${label}`,
        transportProblem(await rawExchange(gw.port, build(gw.publishableKey))),
      );
    }
    const after = await countPayments(gw);
    result.check(
      'fuzz: payment rows = payments answered',
      after === before + effects.payments - 6,
      `${after - before} payments appeared for ${effects.payments - 6} answered`,
    );
    const health = await api(gw.url, 'GET', '/healthz', null);
    result.check(
      'gateway still healthy after the fuzz',
      health.status === 200,
      `healthz answered ${health.status}`,
    );
  } finally {
    await stopGateway(gw);
  }
  const db = new Database(gw.databaseFile, { readonly: true });
  try {
    const tokens = (db.prepare('SELECT count(*) AS n FROM tokens').get() as { n: number }).n;
    result.check(
      'fuzz: token rows = tokens answered 201',
      tokens === effects.tokens,
      `${tokens} token rows for ${effects.tokens} answered 201`,
    );
    const orphans = (
      db
        .prepare(
          'SELECT count(*) AS n FROM tokens t WHERE used_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.token_id = t.id)',
        )
        .get() as { n: number }
    ).n;
    result.check(
      'fuzz: no token marked used without its payment',
      orphans === 0,
      `${orphans} half-written token rows`,
    );
    const integrity = db.pragma('integrity_check', { simple: true });
    result.check(
      'fuzz: database integrity',
      integrity === 'ok',
      `integrity_check: ${String(integrity)}`,
    );
  } finally {
    db.close();
  }
  await cardTesting(result);
  return result;
}
