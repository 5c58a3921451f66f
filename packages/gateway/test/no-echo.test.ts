import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { maskCardNumbers } from '../src/card-number-mask.js';
import { errorOf, startGateway } from './harness.js';
import type { Gateway } from './harness.js';

const number = '4242424242424242';
/** The ways a pasted number may be spelled: digits, grouped with spaces or dashes, URL-encoded. */
const spellings = [number, '4242 4242 4242 4242', '4242-4242-4242-4242'];
const digitsOf = (text: string) => text.replace(/(\d)(?:[ -]|%20)(?=\d)/g, '$1');

describe('caller input never comes back in an error message (rule 3 in docs/architecture.md)', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());

  it('a card number where a token goes: token_not_found without the number', async () => {
    for (const token of spellings) {
      const answer = await gw.pay(token);
      assert.equal(answer.status, 404, answer.text);
      assert.equal(errorOf(answer).code, 'token_not_found');
      assert.equal(errorOf(answer).param, 'token');
      assert.ok(!digitsOf(answer.text).includes(number), answer.text);
    }
  });

  it('a card number where a payment id goes: not_found without the number, on every route', async () => {
    for (const [method, path] of [
      ['GET', `/v1/payments/${number}`],
      ['POST', `/v1/payments/${number}/capture`],
      ['POST', `/v1/payments/${number}/void`],
      ['POST', `/v1/payments/${encodeURIComponent('4242 4242 4242 4242')}/refund`],
    ] as const) {
      const answer = await gw.api(method, path, method === 'POST' ? { body: {} } : {});
      assert.equal(answer.status, 404, answer.text);
      assert.equal(errorOf(answer).code, 'not_found');
      assert.ok(!digitsOf(answer.text).includes(number), `${path}: ${answer.text}`);
    }
  });

  it('a card number as a field name or metadata key is not named in message or param', async () => {
    const token = await gw.tokenize(number);
    const unknownField = await gw.api('POST', '/v1/payments', {
      body: { amount: 10, currency: 'usd', token, [number]: 1 },
    });
    const badMetadata = await gw.api('POST', '/v1/payments', {
      body: { amount: 10, currency: 'usd', token, metadata: { [`card ${number}`]: 5 } },
    });
    for (const answer of [unknownField, badMetadata]) {
      assert.equal(answer.status, 400, answer.text);
      assert.equal(errorOf(answer).code, 'validation_error');
      assert.ok(!digitsOf(answer.text).includes(number), answer.text);
    }
    assert.equal(errorOf(unknownField).param, '*');
    assert.equal(errorOf(badMetadata).param, 'metadata.*');
  });

  it('plain field names are still named', async () => {
    const token = await gw.tokenize(number);
    const answer = await gw.api('POST', '/v1/payments', {
      body: { amount: 10, currency: 'usd', token, colour: 'red', metadata: { order: 5 } },
    });
    const params = (errorOf(answer) as { details?: { param: string }[] }).details?.map(
      (d) => d.param,
    );
    assert.deepEqual(params?.sort(), ['colour', 'metadata.order']);
  });

  it('an unsupported currency is not repeated either', async () => {
    const answer = await gw.pay(await gw.tokenize(number), { currency: 'zzq' });
    assert.equal(errorOf(answer).code, 'unsupported_currency');
    assert.doesNotMatch(answer.text, /zzq/);
  });
});

describe('card numbers in a URL never reach the log (rule 3 in docs/architecture.md)', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  it('masks 12-19 digit runs, with spaces, dashes or %20 between digits, in the logged URL', async () => {
    await gw.api('POST', `/v1/payments/${number}/void`, { body: {} });
    await gw.api('GET', '/v1/payments/4242-4242-4242-4242');
    await gw.api('GET', '/v1/payments/4242%204242%204242%204242');
    await gw.api('GET', `/v1/nowhere/${number}`);
    const logs = gw.logs();
    assert.ok(!digitsOf(logs).includes(number), 'a card number reached the log');
    assert.match(logs, /"url":"\/v1\/payments\/\[digits\]\/void"/);
  });

  it('leaves ids, amounts and short numbers alone', () => {
    assert.equal(
      maskCardNumbers('/v1/payments/pay_0123abc/refund'),
      '/v1/payments/pay_0123abc/refund',
    );
    assert.equal(maskCardNumbers('amount 12345678901'), 'amount 12345678901');
    assert.equal(maskCardNumbers(`a ${number}5 b`), 'a [digits] b');
  });
});
