// /v1/tokens and /v1/payments over PostgreSQL, with one gateway instance and with two over the
// same database (same machine: the two share its cores with the database and the load
// generator, so the figures are facts about this box, not a scaling claim).
import os from 'node:os';
import pg from 'pg';
import { atLeast, budget, informs, type Recorder } from './metric';
import { startGateway, type Gateway } from './gateway-process';
import { hammer, paymentRequest, tokenRequest } from './hot-requests';
import { describeCosts, perRequest, PostgresCosts, type Costs } from './server-costs';

export interface PostgresThroughputOptions {
  /** postgres://… of a server where the bench may create and drop a database. */
  serverUrl: string;
  seconds: number;
  /** Token runs per configuration (their spread is the goals'). */
  rounds: number;
  connections: number;
  /** The SQLite section's token rate, to compare two PostgreSQL instances with. */
  sqliteTokensRps?: number | undefined;
  log: (line: string) => void;
}

interface Totals {
  rps: number;
  ok: number;
  failed: number;
  /** The worst instance's p99, ms. */
  p99: number;
}

export interface Phase extends Totals {
  costs: Costs;
}

/** The same route on every instance at once, the connections split between them. */
async function hammerAll(
  gateways: Gateway[],
  route: 'tokens' | 'payments',
  tokens: string[],
  opts: PostgresThroughputOptions,
): Promise<Totals> {
  const perInstance = Math.max(1, Math.round(opts.connections / gateways.length));
  const budget = route === 'payments' ? Math.floor(tokens.length / gateways.length) : undefined;
  const request = route === 'tokens' ? tokenRequest(tokens) : paymentRequest(tokens);
  const results = await Promise.all(
    gateways.map((gateway) =>
      hammer(gateway.url, request, {
        connections: perInstance,
        seconds: opts.seconds,
        ...(budget !== undefined ? { amount: budget } : {}),
      }),
    ),
  );
  // Requests per second of wall time, all instances together.
  const seconds = Math.max(...results.map((r) => r.duration));
  const ok = results.reduce((sum, r) => sum + r['2xx'], 0);
  const failed = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  if (ok === 0) throw new Error(`${route}: no request succeeded (${failed} failed)`);
  const p99 = Math.max(...results.map((r) => r.latency.p99));
  return { rps: ok / seconds, ok, failed, p99 };
}

async function withDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

interface Measured {
  /** Each token run on its own (for the spread), and all together. */
  tokenRuns: Phase[];
  tok: Phase;
  pay: Phase;
  /** Whether WAL flushes are fsyncs (the server runs with fsync on). */
  durable: boolean;
}

async function measure(instances: 1 | 2, opts: PostgresThroughputOptions): Promise<Measured> {
  return withDatabase(opts.serverUrl, async (databaseUrl) => {
    const env = { DATABASE_URL: databaseUrl, PAY_DATA_KEY: Buffer.alloc(32, 7).toString('base64') };
    const gateways: Gateway[] = [];
    try {
      // One after the other: the first migrates and seeds, the second finds both done.
      for (let i = 0; i < instances; i++) gateways.push(await startGateway([], env));
      const costs = await PostgresCosts.open(databaseUrl);
      const pids = gateways.map((g) => g.pid);
      const tokens: string[] = [];
      // Warm-up (connections, JIT); on a busy machine it may see no answer at all.
      await hammerAll(gateways, 'tokens', tokens, { ...opts, seconds: 1 }).catch(() => undefined);
      tokens.length = 0;
      const phase = async (route: 'tokens' | 'payments', label: string): Promise<Phase> => {
        const before = await costs.snapshot(pids);
        const totals = await hammerAll(gateways, route, tokens, opts);
        const after = await costs.snapshot(pids);
        const phaseCosts = perRequest(before, after, totals.ok);
        opts.log(
          `postgres, ${instances} instance(s), ${label}: ${totals.rps.toFixed(0)} req/s, ` +
            `p99 ${totals.p99} ms, ${totals.ok} ok, ${totals.failed} failed; per request ` +
            describeCosts(phaseCosts),
        );
        return { ...totals, costs: phaseCosts };
      };
      try {
        const tokenRuns: Phase[] = [];
        for (let round = 1; round <= opts.rounds; round++) {
          tokenRuns.push(await phase('tokens', `tokens run ${round}`));
        }
        const pay = await phase('payments', 'payments');
        return { tokenRuns, tok: combine(tokenRuns), pay, durable: await costs.durable() };
      } finally {
        await costs.close();
      }
    } finally {
      for (const gateway of gateways) await gateway.stop();
    }
  });
}

/** Runs together: rates and costs weighted by requests, the worst p99. */
function combine(runs: Phase[]): Phase {
  const ok = runs.reduce((sum, r) => sum + r.ok, 0);
  const seconds = runs.reduce((sum, r) => sum + r.ok / r.rps, 0);
  const costs = Object.fromEntries(
    Object.keys(runs[0]!.costs).map((k) => [
      k,
      runs.reduce((sum, r) => sum + r.costs[k as keyof Costs] * r.ok, 0) / ok,
    ]),
  ) as unknown as Costs;
  return {
    rps: ok / seconds,
    ok,
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    p99: Math.max(...runs.map((r) => r.p99)),
    costs,
  };
}

export async function measurePostgresThroughput(
  r: Recorder,
  opts: PostgresThroughputOptions,
): Promise<void> {
  const one = await measure(1, opts);
  const two = await measure(2, opts);
  const cores = os.availableParallelism();
  const note = `${cores} cores shared by the database, the instances and the load; ${opts.connections} connections, ${opts.rounds} × ${opts.seconds} s`;
  const group = 'throughput';
  for (const [instances, m] of [
    [1, one],
    [2, two],
  ] as const) {
    for (const [route, run] of [
      ['POST /v1/tokens', m.tok],
      ['POST /v1/payments', m.pay],
    ] as const) {
      r.cost({
        engine: 'PostgreSQL',
        instances,
        route,
        rps: run.rps,
        p99: run.p99,
        requests: run.ok,
        costs: run.costs,
        durable: m.durable,
      });
    }
  }
  const flushes = (p: Phase) => p.costs.walSyncs;
  const over = `each of ${opts.rounds} token run(s)`;
  const flushUnit = two.durable ? 'WAL fsyncs/token' : 'WAL writes/token';
  r.add(
    {
      ...budget(
        group,
        `POST /v1/tokens durable commits per token, PostgreSQL, 2 instances`,
        flushes(two.tok),
        flushUnit,
        1,
        '1',
      ),
      note: `WAL flushes after group commit; ${two.tok.costs.commits.toFixed(2)} commits, ${two.tok.costs.writingTransactions.toFixed(2)} writing`,
      spread: {
        low: Math.min(...two.tokenRuns.map(flushes)),
        high: Math.max(...two.tokenRuns.map(flushes)),
        kind: 'ratio',
        over,
      },
    },
    atLeast(
      {
        group,
        name: 'POST /v1/tokens req/s, PostgreSQL, 2 instances vs 1',
        value: two.tok.rps,
        unit: 'req/s',
        against: '1 instance',
        againstValue: one.tok.rps,
        note,
        spread: {
          low: Math.min(...two.tokenRuns.map((x) => x.rps)) / one.tok.rps,
          high: Math.max(...two.tokenRuns.map((x) => x.rps)) / one.tok.rps,
          kind: 'ratio',
          over: `${over} on 2 instances ÷ all runs on 1`,
        },
      },
      0.95,
    ),
    informs({
      group,
      name: 'POST /v1/payments req/s, PostgreSQL, 2 instances vs 1',
      value: two.pay.rps,
      unit: 'req/s',
      against: '1 instance',
      againstValue: one.pay.rps,
      note,
    }),
  );
  if (opts.sqliteTokensRps !== undefined) {
    const sqlite = opts.sqliteTokensRps;
    r.add(
      atLeast(
        {
          group,
          name: 'POST /v1/tokens req/s, PostgreSQL, 2 instances vs SQLite',
          value: two.tok.rps,
          unit: 'req/s',
          against: 'SQLite, 1 instance',
          againstValue: sqlite,
          note,
          spread: {
            low: Math.min(...two.tokenRuns.map((x) => x.rps)) / sqlite,
            high: Math.max(...two.tokenRuns.map((x) => x.rps)) / sqlite,
            kind: 'ratio',
            over: `${over} ÷ SQLite's median`,
          },
        },
        0.5,
      ),
    );
  }
}
