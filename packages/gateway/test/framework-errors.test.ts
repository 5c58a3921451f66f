import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway } from './harness.js';
import type { ApiAnswer, Gateway } from './harness.js';

/** The documented error body with its Request-Id, the API's headers, and nothing echoed. */
function assertDocumented(answer: ApiAnswer, status: number, code: string, echo: string): void {
  assert.equal(answer.status, status, answer.text);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  const error = errorOf(answer);
  assert.equal(error.type, 'invalid_request_error');
  assert.equal(error.code, code);
  assert.match(error.request_id, /^req_[0-9a-f]{24}$/);
  assert.equal(answer.headers.get('request-id'), error.request_id);
  assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
  assert.doesNotMatch(answer.text, /FST_ERR|statusCode/);
  assert.ok(!answer.text.includes(echo), `the answer repeats the input: ${answer.text}`);
}

/** What a client library would never send: bytes straight onto the socket. */
function rawExchange(url: string, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.end(bytes);
  });
}

/** A raw HTTP/1.1 answer as an ApiAnswer, so the same checks apply. */
function parseRaw(raw: string): ApiAnswer {
  const [head = '', text = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Headers();
  for (const line of lines) {
    headers.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim());
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: body as never, text };
}

describe('errors raised before routing (Fastify frameworkErrors)', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  it('a malformed % escape in the path: 400 validation_error, Request-Id, no echo', async () => {
    for (const path of ['/v1/payments/%/capture', '/v1/payments/%zz4242', '/v1/payments/a%']) {
      const method = path.endsWith('capture') ? 'POST' : 'GET';
      const answer = await gw.api(method, path, method === 'POST' ? { body: {} } : {});
      assertDocumented(answer, 400, 'validation_error', path.split('/').pop() ?? path);
    }
  });

  it('an id over 100 characters reaches its route: the schema answers validation_error on id', async () => {
    const id = `pay_${'a'.repeat(150)}`;
    const answer = await gw.api('GET', `/v1/payments/${id}`);
    assertDocumented(answer, 400, 'validation_error', id);
    assert.equal(errorOf(answer).param, 'id');
  });

  it('a path parameter beyond the router limit: 400 validation_error, not 414', async () => {
    const id = 'b'.repeat(2000);
    const answer = await gw.api('POST', `/v1/payments/${id}/void`, { body: {} });
    assertDocumented(answer, 400, 'validation_error', id);
  });
});

describe('requests Node cannot parse (clientErrorHandler)', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  const secret = '4242424242424242';
  const cases: [string, number, string, (key: string) => string][] = [
    [
      'a header over 16 KB',
      413,
      'payload_too_large',
      (key) =>
        `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nX-Pad: ${secret}${'a'.repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
    ],
    [
      'two Content-Length headers',
      400,
      'validation_error',
      (key) =>
        `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nX-Card: ${secret}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
    ],
    [
      'Content-Length and chunked',
      400,
      'validation_error',
      (key) =>
        `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nX-Card: ${secret}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    ],
    [
      'a bad chunk size',
      400,
      'validation_error',
      (key) =>
        `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{"card":{"number":"${secret}"}}\r\n0\r\n\r\n`,
    ],
    [
      'a control byte in a header',
      400,
      'validation_error',
      (key) =>
        `GET /v1/payments/${secret} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\x01\r\n\r\n`,
    ],
    [
      'a malformed request line',
      400,
      'validation_error',
      () => `GARBAGE /${secret} HTTP/9.9\r\n\r\n`,
    ],
  ];

  for (const [label, status, code, build] of cases) {
    it(`${label}: ${status} ${code} with a Request-Id, then the socket closes`, async () => {
      // rawExchange resolves on 'close': the gateway closed the connection after answering.
      const answer = parseRaw(await rawExchange(gw.url, build(gw.sk)));
      assertDocumented(answer, status, code, secret);
      assert.ok(!answer.text.includes(gw.sk));
      assert.equal(answer.headers.get('connection'), 'close');
    });
  }

  it('logs the refusal by its code, never the bytes that were sent', () => {
    const logs = gw.logs();
    assert.match(logs, /"code":"HPE_HEADER_OVERFLOW"/);
    assert.ok(!logs.includes(secret), 'a card number reached the log');
    assert.ok(!logs.includes(gw.sk), 'the secret key reached the log');
  });
});
