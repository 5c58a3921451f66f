import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway } from '../harness.js';
import type { Gateway } from '../harness.js';

/** The stop/start command scripts/with-postgres.mjs hands over (absent for a given server). */
const ctl = process.env.TEST_POSTGRES_CTL
  ? (JSON.parse(process.env.TEST_POSTGRES_CTL) as string[])
  : undefined;

let stopped = false;

function server(action: 'stop' | 'start'): void {
  if (!ctl) throw new Error('no TEST_POSTGRES_CTL');
  stopped = action === 'stop';
  const [cmd = '', ...args] = ctl;
  execFileSync(cmd, [...args, ...(action === 'stop' ? ['-m', 'fast'] : []), action], {
    stdio: 'ignore',
  });
}

describe('the database going away and coming back', { skip: !ctl && 'server not ours' }, () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(async () => {
    if (stopped) server('start');
    await gw.close();
  });

  it('answers 503 api_error while it is away, writes nothing, and recovers alone', async () => {
    const token = await gw.tokenize('4242424242424242');
    const paid = await gw.pay(token, { capture_method: 'manual' });
    assert.equal(paid.status, 201, paid.text);
    const id = (paid.body as { id: string }).id;
    const spare = await gw.tokenize('4242424242424242');

    server('stop');
    for (const answer of [
      await gw.api('GET', `/v1/payments/${id}`),
      await gw.api('POST', `/v1/payments/${id}/capture`, { body: {} }),
      await gw.pay(spare, {}, undefined),
      await gw.api('POST', '/v1/tokens', {
        key: gw.pk,
        body: { card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' } },
      }),
    ]) {
      assert.equal(answer.status, 503, answer.text);
      const error = errorOf(answer);
      assert.equal(error.type, 'api_error');
      assert.equal(error.code, 'api_error');
      assert.doesNotMatch(answer.text, /ECONN|postgres|stack|at \w+ \(/i);
      assert.equal(answer.headers.get('retry-after'), '1');
    }
    assert.doesNotMatch(gw.logs(), /4242424242424242/);

    server('start');
    let back = await gw.api('GET', `/v1/payments/${id}`);
    for (let i = 0; i < 50 && back.status !== 200; i++) {
      await sleep(100);
      back = await gw.api('GET', `/v1/payments/${id}`);
    }
    assert.equal(back.status, 200, back.text);
    // Nothing half-written: the capture never happened, the spare token is still unused.
    assert.equal((back.body as { status: string }).status, 'authorized');
    const later = await gw.pay(spare);
    assert.equal(later.status, 201, later.text);
    const captured = await gw.api('POST', `/v1/payments/${id}/capture`, { body: {} });
    assert.equal(captured.status, 200, captured.text);
  });
});
