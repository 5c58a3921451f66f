// The fuzz: a seeded batch of generated requests per endpoint against one gateway, then what
// the gateway stored, checked against what it answered.
import Database from 'better-sqlite3';
import { describe } from 'node:test';
import { FUZZ_SCALE, FUZZ_SEED } from '../../lib/fuzz.js';
import { startGateway, stopGateway, type GatewayRun } from '../../lib/gateway-process.js';
import { api } from '../../lib/http-client.js';
import { attack } from '../../lib/results.js';
import { shared, type Shared } from '../../lib/shared.js';
import { TEST_CARDS, cardBody } from '../../lib/test-cards.js';
import type { FuzzCase, Pools } from './arbitraries.js';
import {
  challengeCases,
  listCases,
  paymentCases,
  paymentIdCases,
  routeCases,
  tokenCases,
} from './endpoint-cases.js';
import { countPayments, runCases, type Effects } from './fuzz-run.js';
import { misplacedNumberCases } from './misplaced-number-cases.js';

/** The payments made to fill the pools, left out of the row count after the fuzz. */
const SEEDED_PAYMENTS = 6;

export interface FuzzTarget {
  gw: GatewayRun;
  pools: Pools;
  effects: Effects;
  /** Payments listed before the fuzz. */
  before: number;
}

/** The fuzz gateway, with real tokens (fresh and used) and payments for requests to name. */
export function fuzzTarget(): Shared<FuzzTarget> {
  return shared(
    async () => {
      const gw = await startGateway();
      const effects: Effects = { tokens: 0, payments: 0 };
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
      return { gw, pools: p, effects, before: await countPayments(gw) };
    },
    ({ gw }) => stopGateway(gw),
  );
}

const n = (k: number) => Math.max(10, Math.round(k * FUZZ_SCALE));

/** Each endpoint's batch: its label, and its cases from the pools. */
const BATCHES: [string, (p: Pools) => FuzzCase[]][] = [
  ['POST /v1/tokens', (p) => tokenCases(p, n(320), FUZZ_SEED)],
  ['POST /v1/payments', (p) => paymentCases(p, n(280), FUZZ_SEED + 1)],
  ['/v1/payments/{id}[/action]', (p) => paymentIdCases(p, n(280), FUZZ_SEED + 2)],
  ['GET /v1/payments', (p) => listCases(p, n(120), FUZZ_SEED + 3)],
  ['/3ds/{id}/{secret}', (p) => challengeCases(p, n(120), FUZZ_SEED + 4)],
  ['any route', (p) => routeCases(p, n(150), FUZZ_SEED + 5)],
  ['card number where it does not belong', (p) => misplacedNumberCases(p)],
];

export function fuzz(target: Shared<FuzzTarget>): void {
  describe('fuzz', () => {
    for (const [label, cases] of BATCHES) {
      attack(label, async (result) => {
        const { gw, pools, effects } = await target.get();
        await runCases(result, label, gw, cases(pools), effects);
      });
    }
  });
}

/** After the fuzz (and the transport abuse on the same gateway): rows match the answers. */
export function afterTheFuzz(target: Shared<FuzzTarget>): void {
  attack('the gateway after the fuzz: healthy, rows match the answers', async (result) => {
    const { gw, effects, before } = await target.get();
    const after = await countPayments(gw);
    const answered = effects.payments - SEEDED_PAYMENTS;
    result.check(
      'fuzz: payment rows = payments answered',
      after === before + answered,
      `${after - before} payments appeared for ${answered} answered`,
    );
    const health = await api(gw.url, 'GET', '/healthz', null);
    result.check(
      'gateway still healthy after the fuzz',
      health.status === 200,
      `healthz answered ${health.status}`,
    );
    await stopGateway(gw);
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
  });
}
