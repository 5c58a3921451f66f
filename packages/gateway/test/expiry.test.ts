import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway } from './harness.js';
import type { Gateway } from './harness.js';

const MINUTE = 60_000;

describe('token expiry (injected clock)', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  it('a token works until 30 minutes, then answers payment_token_expired', async () => {
    const early = await gw.tokenize('4242424242424242');
    const late = await gw.tokenize('4242424242424242');
    gw.clock.advance(30 * MINUTE - 1);
    assert.equal((await gw.pay(early)).status, 201);
    gw.clock.advance(1);
    const expired = await gw.pay(late);
    assert.equal(expired.status, 400);
    assert.equal(errorOf(expired).code, 'payment_token_expired');
    assert.equal(errorOf(expired).param, 'token');
  });

  it('deletes the CVC once the token is used, and once it expires', async () => {
    const used = await gw.tokenize('4242424242424242');
    const idle = await gw.tokenize('4242424242424242');
    assert.ok((await gw.storage.getToken(used))?.cvcSealed);
    await gw.pay(used);
    assert.equal((await gw.storage.getToken(used))?.cvcSealed, null);

    assert.ok((await gw.storage.getToken(idle))?.cvcSealed);
    // Not yet expired: a sweep leaves it alone.
    await gw.storage.sweep(gw.clock.now().getTime());
    assert.ok((await gw.storage.getToken(idle))?.cvcSealed);
    gw.clock.advance(31 * MINUTE);
    await gw.storage.sweep(gw.clock.now().getTime());
    assert.equal((await gw.storage.getToken(idle))?.cvcSealed, null);
    // The card number stays sealed (not deleted) for the payment record's sake.
    assert.ok((await gw.storage.getToken(idle))?.cardSealed.length);
  });

  it('the server sweeps on its own timer', async () => {
    const quick = await startGateway({ sweepIntervalMs: 20 });
    try {
      const token = await quick.tokenize('4242424242424242');
      quick.clock.advance(31 * MINUTE);
      let cvc = (await quick.storage.getToken(token))?.cvcSealed;
      for (let i = 0; i < 100 && cvc; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        cvc = (await quick.storage.getToken(token))?.cvcSealed;
      }
      assert.equal(cvc, null);
    } finally {
      await quick.close();
    }
  });

  it('a payment attempt on an expired token also deletes its CVC', async () => {
    const token = await gw.tokenize('4242424242424242');
    gw.clock.advance(31 * MINUTE);
    assert.equal(errorOf(await gw.pay(token)).code, 'payment_token_expired');
    assert.equal((await gw.storage.getToken(token))?.cvcSealed, null);
  });
});
