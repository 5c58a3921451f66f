// /v1/tokens and /v1/payments over PostgreSQL, with one gateway instance and with two over the
// same database (same machine: the two share its cores with the database and the load
// generator, so the figures are facts about this box, not a scaling claim).
import os from 'node:os';
import pg from 'pg';
import { absolute, informs, type Recorder } from './metric';
import { startGateway, type Gateway } from './gateway-process';
import { hammer, paymentRequest, tokenRequest } from './hot-requests';
import { describeCosts, perRequest, PostgresCosts, type Costs } from './server-costs';

export interface PostgresThroughputOptions {
  /** postgres://… of a server where the bench may create and drop a database. */
  serverUrl: string;
  seconds: number;
  connections: number;
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

async function measure(instances: 1 | 2, opts: PostgresThroughputOptions) {
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
      const phase = async (route: 'tokens' | 'payments'): Promise<Phase> => {
        const before = await costs.snapshot(pids);
        const totals = await hammerAll(gateways, route, tokens, opts);
        const after = await costs.snapshot(pids);
        const phaseCosts = perRequest(before, after, totals.ok);
        opts.log(
          `postgres, ${instances} instance(s), ${route}: ${totals.rps.toFixed(0)} req/s, ` +
            `p99 ${totals.p99} ms, ${totals.ok} ok, ${totals.failed} failed; per request ` +
            describeCosts(phaseCosts),
        );
        return { ...totals, costs: phaseCosts };
      };
      try {
        const tok = await phase('tokens');
        const pay = await phase('payments');
        return { tok, pay };
      } finally {
        await costs.close();
      }
    } finally {
      for (const gateway of gateways) await gateway.stop();
    }
  });
}

export async function measurePostgresThroughput(
  r: Recorder,
  opts: PostgresThroughputOptions,
): Promise<void> {
  const one = await measure(1, opts);
  const two = await measure(2, opts);
  const cores = os.availableParallelism();
  const note = `${cores} cores shared by the database, the instances and the load; ${opts.connections} connections, ${opts.seconds} s`;
  const group = 'throughput';
  for (const [route, pick] of [
    ['POST /v1/tokens', (x: typeof one) => x.tok],
    ['POST /v1/payments', (x: typeof one) => x.pay],
  ] as const) {
    r.add(
      absolute(group, `${route} req/s, PostgreSQL, 1 instance`, pick(one).rps, 'req/s', note),
      informs({
        group,
        name: `${route} req/s, PostgreSQL, 2 instances`,
        value: pick(two).rps,
        unit: 'req/s',
        against: '1 instance',
        againstValue: pick(one).rps,
        note,
      }),
    );
  }
}
