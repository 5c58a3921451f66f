// Family 5: SIGKILL the gateway in the middle of a load of payments and refunds, restart it
// on the same data dir: what a client was told is what is stored, the SQLite file is intact,
// and retries with the same Idempotency-Key answer the stored result.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import Database from 'better-sqlite3';
import { contractProblem, isFailedPayment } from '../../lib/api-contract.js';
import {
  crashSnapshots,
  killGateway,
  startGateway,
  stopGateway,
  type GatewayRun,
} from '../../lib/gateway-process.js';
import { api, type RawResponse } from '../../lib/http-client.js';
import { attack, type Attempts } from '../../lib/results.js';
import { shared } from '../../lib/shared.js';
import { TEST_CARDS, cardBody } from '../../lib/test-cards.js';

const ROUNDS = 3;
const WORKERS = 12;
/** Answers to wait for before the kill: the kill lands while ~WORKERS requests are in flight. */
const ANSWERS_BEFORE_KILL = 90;
/** Sandbox network latency: each payment spends this long between its checks and its commit. */
const env = { PAY_NETWORK_LATENCY_MS: '15' };

interface Attempt {
  kind: 'pay' | 'refund';
  path: string;
  key: string;
  body: Record<string, unknown>;
  paymentId?: string;
  answer?: RawResponse;
  /** The request was sent but no answer came back (the crash). */
  lost: boolean;
}

interface Payment {
  id: string;
  status: string;
  amount_refunded: number;
}

function createdPayment(res: RawResponse | undefined): Payment | undefined {
  if (!res) return undefined;
  if (res.status === 201 || res.status === 202 || isFailedPayment(res)) return res.json as Payment;
  return undefined;
}

function code(res: RawResponse): string | undefined {
  return (res.json as { error?: { code?: string } } | undefined)?.error?.code;
}

function checkDatabase(result: Attempts, label: string, file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    result.check(
      `${label}: PRAGMA integrity_check`,
      integrity === 'ok',
      `integrity_check: ${String(integrity)}`,
    );
    const fk = db.pragma('foreign_key_check') as unknown[];
    result.check(
      `${label}: PRAGMA foreign_key_check`,
      fk.length === 0,
      `${fk.length} rows break a foreign key`,
    );
    const halfWritten = (
      db
        .prepare(
          'SELECT count(*) AS n FROM tokens t WHERE used_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.token_id = t.id)',
        )
        .get() as { n: number }
    ).n;
    result.check(
      `${label}: no token used without its payment`,
      halfWritten === 0,
      `${halfWritten} half-written token rows`,
    );
  } finally {
    db.close();
  }
}

async function round(gw: GatewayRun, result: Attempts, n: number): Promise<GatewayRun> {
  const label = `crash ${n}`;
  // Tokens made before the load, and a few paid payments for the refunds to hit.
  const tokens: string[] = [];
  for (let i = 0; i < 220; i++) {
    const card = TEST_CARDS[[0, 0, 0, 2, 1, 6, 8, 3][i % 8]!]!;
    const res = await api(gw.url, 'POST', '/v1/tokens', gw.publishableKey, cardBody(card));
    if (res.status !== 201)
      throw new Error(`setup token answered ${res.status}: ${res.text.slice(0, 300)}`);
    tokens.push((res.json as { id: string }).id);
  }
  const refundTargets: string[] = [];
  for (let i = 0; i < 6; i++) {
    const paid = await api(
      gw.url,
      'POST',
      '/v1/tokens',
      gw.publishableKey,
      cardBody(TEST_CARDS[0]!),
    );
    const token = (paid.json as { id: string }).id;
    const res = await api(gw.url, 'POST', '/v1/payments', gw.secretKey, {
      amount: 500,
      currency: 'usd',
      token,
    });
    if (res.status !== 201)
      throw new Error(`setup payment answered ${res.status}: ${res.text.slice(0, 300)}`);
    refundTargets.push((res.json as Payment).id);
  }

  const attempts: Attempt[] = [];
  let answered = 0;
  let killed = false;
  let next = 0;
  const killedPromise = new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (answered >= ANSWERS_BEFORE_KILL || next >= tokens.length) {
        clearInterval(timer);
        killed = true;
        void killGateway(gw).then(resolve);
      }
    }, 2);
  });
  async function worker(w: number): Promise<void> {
    while (!killed && next < tokens.length) {
      const i = next++;
      const refund = i % 4 === 3;
      const attempt: Attempt = refund
        ? {
            kind: 'refund',
            path: `/v1/payments/${refundTargets[i % refundTargets.length]}/refund`,
            key: randomUUID(),
            body: { amount: 1 },
            paymentId: refundTargets[i % refundTargets.length],
            lost: false,
          }
        : {
            kind: 'pay',
            path: '/v1/payments',
            key: randomUUID(),
            body: {
              amount: 12.34,
              currency: 'usd',
              token: tokens[i],
              external_id: `crash_${n}_${w}_${i}`,
            },
            lost: false,
          };
      attempts.push(attempt);
      try {
        attempt.answer = await api(gw.url, 'POST', attempt.path, gw.secretKey, attempt.body, {
          'idempotency-key': attempt.key,
        });
        answered++;
      } catch {
        attempt.lost = true;
      }
    }
  }
  await Promise.all([...Array.from({ length: WORKERS }, (_, w) => worker(w)), killedPromise]);
  const lost = attempts.filter((a) => a.lost);
  const seen = attempts.filter((a) => a.answer);
  console.log(`  ${label}: ${seen.length} answered, ${lost.length} lost in the crash`);

  // The process is dead: the file as the crash left it. Keep its bytes for family 6 (a clean
  // stop folds the -wal file away, a crash does not).
  for (const f of readdirSync(gw.dataDir).filter((name) => name.startsWith('gateway.sqlite'))) {
    crashSnapshots.push({ name: `${label}: ${f}`, bytes: readFileSync(join(gw.dataDir, f)) });
  }
  checkDatabase(result, `${label}, after SIGKILL`, gw.databaseFile);

  const restarted = await startGateway({ dataDir: gw.dataDir, env });
  for (const a of seen) {
    const res = a.answer as RawResponse;
    const shown = contractProblem(res);
    if (shown) {
      result.record(`${label}: answer before the crash`, shown);
      continue;
    }
    const created =
      a.kind === 'pay'
        ? createdPayment(res)
        : res.status === 200
          ? (res.json as Payment)
          : undefined;
    if (a.kind === 'pay' && created) {
      const now = await api(
        restarted.url,
        'GET',
        `/v1/payments/${created.id}`,
        restarted.secretKey,
      );
      result.check(
        `${label}: answered payment survives`,
        now.status === 200 && (now.json as Payment).status === created.status,
        `${created.id} was ${created.status}, after restart ${now.status} ${(now.json as Payment | undefined)?.status}`,
      );
    }
    // The same request again, same key: the stored answer, not a second charge or refund.
    const retry = await api(restarted.url, 'POST', a.path, restarted.secretKey, a.body, {
      'idempotency-key': a.key,
    });
    const sameId =
      (retry.json as Payment | undefined)?.id === (res.json as Payment | undefined)?.id;
    result.check(
      `${label}: idempotent retry of an answered ${a.kind} replays it`,
      retry.status === res.status && sameId && retry.text === res.text,
      `first ${res.status} ${res.text.slice(0, 80)}; retry ${retry.status} ${retry.text.slice(0, 80)}`,
    );
  }
  for (const a of lost) {
    // No answer reached the client, so it retries with the same key: it must get a final answer.
    const retry = await api(restarted.url, 'POST', a.path, restarted.secretKey, a.body, {
      'idempotency-key': a.key,
    });
    const c = code(retry);
    const final =
      a.kind === 'pay'
        ? createdPayment(retry) !== undefined
        : retry.status === 200 || c === 'invalid_amount';
    result.check(
      `${label}: retry of a ${a.kind} lost in the crash gets a final answer`,
      final && retry.status < 500,
      c === 'idempotency_key_in_use'
        ? 'answered 409 idempotency_key_in_use: the key stays "in progress" after the crash, so the client can never learn the outcome'
        : c === 'payment_token_already_used'
          ? 'answered payment_token_already_used: the payment was stored but its idempotent answer was not, so the client cannot learn its payment id'
          : `answered ${retry.status} ${retry.text.slice(0, 120)}`,
    );
  }
  // Refunds: what was answered is kept, and nothing beyond what was attempted.
  for (const id of refundTargets) {
    const answeredRefunds = seen.filter(
      (a) => a.paymentId === id && a.answer?.status === 200,
    ).length;
    const attempted = attempts.filter((a) => a.paymentId === id).length;
    const now = (await api(restarted.url, 'GET', `/v1/payments/${id}`, restarted.secretKey))
      .json as Payment;
    result.check(
      `${label}: refunds kept`,
      now.amount_refunded >= answeredRefunds && now.amount_refunded <= attempted,
      `${id}: ${answeredRefunds} refunds answered, ${attempted} tried, ${now.amount_refunded} refunded after restart`,
    );
  }
  return restarted;
}

export function crashRecovery(): void {
  describe('5 crashes', () => {
    // Each round leaves the gateway it restarted for the next one.
    const current = shared(
      async () => ({ gw: await startGateway({ env }) }),
      ({ gw }) => stopGateway(gw),
    );
    for (let n = 1; n <= ROUNDS; n++) {
      attack(`crash ${n}: SIGKILL during a load of payments and refunds`, async (a) => {
        const state = await current.get();
        state.gw = await round(state.gw, a, n);
      });
    }
    attack('the database after a clean stop', async (a) => {
      const { gw } = await current.get();
      await stopGateway(gw);
      checkDatabase(a, 'after a clean stop', gw.databaseFile);
    });
  });
}
