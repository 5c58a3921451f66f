import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import {
  callGateway,
  startGateway,
  type GatewayAnswer,
  type GatewayProcess,
} from '../../../test/harness/gateway-process.js';
import { testCard } from './harness.js';

const pk = 'pk_test_crash';
const sk = 'sk_test_crash';

const call = (
  gw: GatewayProcess,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; idempotencyKey?: string } = {},
): Promise<GatewayAnswer> => callGateway(gw, method, path, { key: sk, ...options });

async function tokenize(gw: GatewayProcess, number: string): Promise<string> {
  const answer = await call(gw, 'POST', '/v1/tokens', {
    key: pk,
    body: { card: { number, ...testCard } },
  });
  assert.equal(answer.status, 201, answer.text);
  return answer.json.id ?? '';
}

/** Every payment of the merchant, following the cursor. */
async function allPayments(gw: GatewayProcess): Promise<{ id: string; status: string }[]> {
  const payments: { id: string; status: string }[] = [];
  let after = '';
  for (;;) {
    const page = await call(gw, 'GET', `/v1/payments?limit=100${after}`);
    const data = page.json.data as { id: string; status: string }[];
    payments.push(...data);
    if (!page.json.has_more) return payments;
    after = `&starting_after=${data.at(-1)?.id ?? ''}`;
  }
}

/** Polls until `ready()`; gives up (a failure, not a timing check) after a generous minute. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 60_000; !ready(); await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
  }
}

/** What the killed process left in its SQLite file, read beside it (WAL allows it). */
function idempotencyRow(file: string, key: string): { status_code: number | null } | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], { status_code: number | null }>(
        'SELECT status_code FROM idempotency_keys WHERE key = ?',
      )
      .get(key);
  } finally {
    db.close();
  }
}

function integrity(file: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

/** main.ts on this data, on 127.0.0.1 (the shared harness; port 0), optionally with a preload. */
const startChild = (env: Record<string, string>, preload?: string) =>
  startGateway({ host: '127.0.0.1', env: { LOG_LEVEL: 'warn', ...env }, preload });

const holdAfterCommit = pathToFileURL(
  join(import.meta.dirname, 'fixtures', 'hold-after-commit.ts'),
).href;

/** A payment-creating answer carries the payment (201, 202, or 400 for a declined one). */
const isPayment = (answer: GatewayAnswer) => answer.json.object === 'payment';

describe('crash safety of Idempotency-Key (SIGKILL, restart on the same data)', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function dataDir(): { env: Record<string, string>; file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-crash-'));
    dirs.push(dir);
    return {
      file: join(dir, 'gateway.sqlite'),
      env: {
        DATA_DIR: dir,
        PAY_SEED_PUBLISHABLE_KEY: pk,
        PAY_SEED_SECRET_KEY: sk,
        PAY_TOKEN_RATE_LIMIT: '100000',
      },
    };
  }

  it('a request killed before its commit left nothing: after restart its key runs once', async () => {
    const { env, file } = dataDir();
    // A long sandbox network: the payment holds its key, uncommitted, until the kill.
    let gw = await startChild({ ...env, PAY_NETWORK_LATENCY_MS: '600000' });
    const key = 'order-killed-in-flight';
    let body: Record<string, unknown>;
    try {
      body = { amount: 12, currency: 'usd', token: await tokenize(gw, '4242424242424242') };
      const inFlight = call(gw, 'POST', '/v1/payments', { body, idempotencyKey: key }).catch(
        () => undefined,
      );
      await until(() => idempotencyRow(file, key) !== undefined, 'the key is claimed');
      const duplicate = await call(gw, 'POST', '/v1/payments', { body, idempotencyKey: key });
      assert.equal(duplicate.json.error?.code, 'idempotency_key_in_use');
      await gw.kill();
      assert.equal(await inFlight, undefined, 'the client never got an answer');
    } finally {
      await gw.kill();
    }
    assert.deepEqual(idempotencyRow(file, key), { status_code: null }, 'left in progress');

    gw = await startChild(env);
    try {
      assert.deepEqual(await allPayments(gw), [], 'nothing was committed');
      const retry = await call(gw, 'POST', '/v1/payments', { body, idempotencyKey: key });
      assert.equal(retry.status, 201, retry.text);
      assert.equal(retry.replayed, false);
      const again = await call(gw, 'POST', '/v1/payments', { body, idempotencyKey: key });
      assert.equal(again.replayed, true);
      assert.equal(again.text, retry.text);
      assert.equal((await allPayments(gw)).length, 1);
    } finally {
      await gw.stop();
    }
  });

  it('a request killed after its commit, before answering, replays that commit after restart', async () => {
    const { env } = dataDir();
    const payBody = { amount: 40, currency: 'usd', capture_method: 'manual' };
    const captureBody = { amount: 15 };
    let paymentId = '';

    /** Sends one request to a gateway that holds it after its commit, then SIGKILLs it. */
    async function killAfterCommit(
      held: 'createPaymentWithToken' | 'updatePayment',
      send: (gw: GatewayProcess) => Promise<GatewayAnswer>,
    ): Promise<void> {
      const gw = await startChild({ ...env, HOLD_AFTER_COMMIT: held }, holdAfterCommit);
      try {
        const unanswered = send(gw).then(
          () => 'answered',
          () => 'no answer',
        );
        await until(() => gw.output().includes('committed'), 'the held commit');
        await gw.kill();
        assert.equal(await unanswered, 'no answer');
      } finally {
        await gw.kill();
      }
    }

    let gw = await startChild(env);
    let token = '';
    try {
      token = await tokenize(gw, '4242424242424242');
    } finally {
      await gw.stop();
    }
    await killAfterCommit('createPaymentWithToken', (held) =>
      call(held, 'POST', '/v1/payments', {
        body: { ...payBody, token },
        idempotencyKey: 'pay-held',
      }),
    );
    gw = await startChild(env);
    try {
      const retry = await call(gw, 'POST', '/v1/payments', {
        body: { ...payBody, token },
        idempotencyKey: 'pay-held',
      });
      assert.equal(retry.status, 201, retry.text);
      assert.equal(retry.replayed, true, 'the stored answer, not a second run');
      assert.equal(retry.json.status, 'authorized');
      paymentId = retry.json.id ?? '';
      assert.deepEqual(await allPayments(gw), [{ ...retry.json }]);
    } finally {
      await gw.stop();
    }

    // A created payment whose capture commits and dies: the retry answers that capture.
    const capturePath = () => `/v1/payments/${paymentId}/capture`;
    await killAfterCommit('updatePayment', (held) =>
      call(held, 'POST', capturePath(), { body: captureBody, idempotencyKey: 'capture-held' }),
    );
    gw = await startChild(env);
    try {
      const retry = await call(gw, 'POST', capturePath(), {
        body: captureBody,
        idempotencyKey: 'capture-held',
      });
      assert.equal(retry.status, 200, retry.text);
      assert.equal(retry.replayed, true);
      assert.equal(retry.json.status, 'completed');
      assert.equal(retry.json.amount_captured, 15);
    } finally {
      await gw.stop();
    }
  });

  it('answers given before the kill are stored with their change and replay after restart', async () => {
    const { env, file } = dataDir();
    let gw = await startChild(env);
    const seen: { path: string; body: unknown; key: string; answer: GatewayAnswer }[] = [];
    const send = async (path: string, body: unknown, key: string) => {
      const answer = await call(gw, 'POST', path, { body, idempotencyKey: key });
      seen.push({ path, body, key, answer });
      return answer;
    };
    let captured = '';
    let refunded = '';
    try {
      const manual = await send(
        '/v1/payments',
        {
          amount: 40,
          currency: 'usd',
          capture_method: 'manual',
          token: await tokenize(gw, '4242424242424242'),
        },
        'pay-manual',
      );
      assert.equal(manual.json.status, 'authorized');
      captured = manual.json.id ?? '';
      const auto = await send(
        '/v1/payments',
        { amount: 30, currency: 'usd', token: await tokenize(gw, '4242424242424242') },
        'pay-auto',
      );
      refunded = auto.json.id ?? '';
      // A declined payment changes state too: it stores a failed payment and uses the token.
      const declined = await send(
        '/v1/payments',
        { amount: 5, currency: 'usd', token: await tokenize(gw, '4000000000000002') },
        'pay-declined',
      );
      assert.equal(declined.status, 400);
      const challenged = await send(
        '/v1/payments',
        { amount: 7, currency: 'usd', token: await tokenize(gw, '4000002500003155') },
        'pay-3ds',
      );
      assert.equal(challenged.status, 202);
      assert.equal(
        (await send(`/v1/payments/${captured}/capture`, { amount: 25 }, 'cap')).status,
        200,
      );
      assert.equal(
        (await send(`/v1/payments/${refunded}/refund`, { amount: 10 }, 'ref')).status,
        200,
      );
      // A refusal changes nothing; its answer is stored for the key all the same.
      const refused = await send(`/v1/payments/${refunded}/void`, {}, 'void-refused');
      assert.equal(refused.json.error?.code, 'invalid_status');
    } finally {
      await gw.kill();
    }
    assert.equal(integrity(file), 'ok');

    gw = await startChild(env);
    try {
      for (const { path, body, key, answer } of seen) {
        const retry = await call(gw, 'POST', path, { body, idempotencyKey: key });
        assert.equal(retry.replayed, true, `${key} replays`);
        assert.equal(retry.status, answer.status, key);
        assert.equal(retry.text, answer.text, key);
      }
      const capturedNow = await call(gw, 'GET', `/v1/payments/${captured}`);
      assert.equal(capturedNow.json.status, 'completed');
      assert.equal(capturedNow.json.amount_captured, 25);
      const refundedNow = await call(gw, 'GET', `/v1/payments/${refunded}`);
      assert.equal(refundedNow.json.amount_refunded, 10, 'refunded once');
      assert.equal((await allPayments(gw)).length, 4);
    } finally {
      await gw.stop();
    }
  });

  it('killed mid-load: every answer seen is stored, every unanswered key runs once', async (t) => {
    const { env, file } = dataDir();
    // A little sandbox network latency keeps many payments between claim and commit.
    let gw = await startChild({ ...env, PAY_NETWORK_LATENCY_MS: '20' });
    const cards = ['4242424242424242', '4000000000000002', '4000002500003155', '4242424242424242'];
    const count = 120;
    const attempts: { key: string; body: Record<string, unknown>; answer?: GatewayAnswer }[] = [];
    try {
      for (let i = 0; i < count; i += 20) {
        const batch = Array.from({ length: Math.min(20, count - i) }, (_, j) =>
          tokenize(gw, cards[(i + j) % cards.length] ?? ''),
        );
        for (const token of await Promise.all(batch)) {
          attempts.push({
            key: `load-${attempts.length}`,
            body: { amount: 10 + attempts.length, currency: 'usd', token },
          });
        }
      }
      // All at once; the kill comes with a third of the answers in, the rest in flight.
      let answered = 0;
      const killed = new Promise<void>((resolve) => {
        for (const attempt of attempts) {
          call(gw, 'POST', '/v1/payments', { body: attempt.body, idempotencyKey: attempt.key })
            .then((answer) => {
              attempt.answer = answer;
              if (++answered === count / 3) resolve();
            })
            .catch(() => undefined);
        }
      });
      await killed;
    } finally {
      await gw.kill();
    }
    assert.equal(integrity(file), 'ok');
    const unanswered = attempts.filter((a) => !a.answer).length;
    t.diagnostic(`${count - unanswered} answered before the kill, ${unanswered} not`);

    gw = await startChild(env);
    try {
      let committedUnseen = 0;
      for (const { key, body, answer } of attempts) {
        const retry = await call(gw, 'POST', '/v1/payments', { body, idempotencyKey: key });
        if (answer) {
          assert.equal(retry.replayed, true, `${key}: replayed`);
          assert.equal(retry.text, answer.text, `${key}: the answer the client saw`);
          const stored = await call(gw, 'GET', `/v1/payments/${answer.json.id ?? ''}`);
          assert.equal(stored.json.status, answer.json.status, `${key}: stored with that status`);
        } else {
          // Either its commit (with its answer) landed before the kill, or nothing did and
          // it runs now: never "in use", never "token already used".
          assert.ok(isPayment(retry), `${key}: ${retry.text}`);
          if (retry.replayed) committedUnseen++;
        }
      }
      t.diagnostic(`unanswered: ${committedUnseen} committed before the kill, the rest ran now`);
      const payments = await allPayments(gw);
      assert.equal(payments.length, count, 'one payment per key, none twice');
    } finally {
      await gw.stop();
    }
  });
});
