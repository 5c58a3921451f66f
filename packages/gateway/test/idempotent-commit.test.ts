import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { newId } from '../src/ids.js';
import { seedMerchant } from '../src/seed.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import type { IdempotentAnswer, PaymentRecord } from '../src/storage/storage.js';

/** The storage promise behind crash-safe Idempotency-Keys, on a real SQLite file. */
describe('SqliteStorage: an Idempotency-Key answer commits with its change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-idem-'));
  const file = join(dir, 'gateway.sqlite');
  let storage = new SqliteStorage({ file, synchronous: 'NORMAL' });
  after(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function tokenAndPayment(merchantId: string): Promise<PaymentRecord> {
    const now = Date.now();
    const tokenId = newId('tok');
    await storage.insertToken({
      id: tokenId,
      merchantId,
      mode: 'test',
      brand: 'visa',
      bin: '424242',
      last4: '4242',
      networksAvailable: ['visa'],
      networkPreferred: null,
      expMonth: 12,
      expYear: 2040,
      cardSealed: Buffer.from('sealed'),
      cvcSealed: Buffer.from('sealed'),
      createdAtMs: now,
      expiresAtMs: now + 60_000,
      usedAtMs: null,
    });
    return {
      id: newId('pay'),
      merchantId,
      mode: 'test',
      tokenId,
      status: 'authorized',
      amount: 1000,
      amountCaptured: 0,
      amountRefunded: 0,
      currency: 'usd',
      captureMethod: 'manual',
      card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2040, network: 'visa' },
      externalId: null,
      metadata: {},
      returnUrl: null,
      challengeSecret: null,
      errorCode: null,
      createdAtMs: now,
      updatedAtMs: now,
    };
  }

  const answer = (
    merchantId: string,
    key: string,
    render: IdempotentAnswer<PaymentRecord>['render'],
  ): IdempotentAnswer<PaymentRecord> => ({ merchantId, key, render });
  const begin = (merchantId: string, key: string) =>
    storage.beginIdempotentRequest(merchantId, key, 'hash', Date.now());

  it('a failing answer rolls the change back: neither payment nor token use is kept', async () => {
    const { merchantId } = await seedMerchant(storage, {});
    const payment = await tokenAndPayment(merchantId);
    assert.equal((await begin(merchantId, 'k-fail')).state, 'started');
    await assert.rejects(
      storage.createPaymentWithToken(
        payment,
        Date.now(),
        answer(merchantId, 'k-fail', () => {
          throw new Error('render failed');
        }),
      ),
      /render failed/,
    );
    assert.equal(await storage.getPaymentById(payment.id), undefined);
    assert.equal((await storage.getToken(payment.tokenId))?.usedAtMs, null);
  });

  it('a change whose claim is gone is refused: no change without its answer', async () => {
    const { merchantId } = await seedMerchant(storage, {});
    const payment = await tokenAndPayment(merchantId);
    const render = () => ({ statusCode: 201, body: '{}' });
    await assert.rejects(
      storage.createPaymentWithToken(payment, Date.now(), answer(merchantId, 'k-none', render)),
      /claim is gone/,
    );
    assert.equal(await storage.getPaymentById(payment.id), undefined);
  });

  it('on reopen, answered keys replay and unanswered claims are released', async () => {
    const { merchantId } = await seedMerchant(storage, {});
    const payment = await tokenAndPayment(merchantId);
    assert.equal((await begin(merchantId, 'k-created')).state, 'started');
    const created = await storage.createPaymentWithToken(
      payment,
      Date.now(),
      answer(merchantId, 'k-created', (p) => ({ statusCode: 201, body: `{"id":"${p.id}"}` })),
    );
    assert.equal(created, 'created');
    assert.equal((await begin(merchantId, 'k-captured')).state, 'started');
    await storage.updatePayment(
      merchantId,
      payment.id,
      (p) => ({ ...p, status: 'completed', amountCaptured: p.amount }),
      answer(merchantId, 'k-captured', (p) => ({ statusCode: 200, body: `"${p.status}"` })),
    );
    // A claim whose request never committed (the process died before its change).
    assert.equal((await begin(merchantId, 'k-lost')).state, 'started');
    assert.equal((await begin(merchantId, 'k-lost')).state, 'in_progress');

    await storage.close();
    storage = new SqliteStorage({ file, synchronous: 'NORMAL' });
    assert.deepEqual(await begin(merchantId, 'k-created'), {
      state: 'done',
      statusCode: 201,
      body: `{"id":"${payment.id}"}`,
    });
    assert.deepEqual(await begin(merchantId, 'k-captured'), {
      state: 'done',
      statusCode: 200,
      body: '"completed"',
    });
    assert.equal((await begin(merchantId, 'k-lost')).state, 'started');
  });
});
