// Gateway throughput: autocannon against the real server, our hot routes vs a bare JSON route.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { summarizeCpuProfile } from './cpu-profile';
import { fsyncLatency } from './disk-sync';
import { absolute, atLeast, informs, type Recorder } from './metric';
import { PUBLISHABLE_KEY, startGateway, type Gateway } from './gateway-process';
import { cardBody, hammer, json, paymentRequest, tokenRequest } from './hot-requests';
import { gatewayCpuSnapshot, perRequest } from './server-costs';
import { median } from './stats';

export interface ThroughputOptions {
  /** Seconds per measured run. */
  seconds: number;
  /** Rounds of (floor run, token run). */
  rounds: number;
  connections: number;
  /** Also run the token route once more under V8's CPU profiler and summarize it. */
  profile: boolean;
  log: (line: string) => void;
}

interface Run {
  rps: number;
  p99: number;
  ok: number;
  failed: number;
  peakRssKiB: number;
  /** Gateway CPU (all its threads) per request answered 2xx. */
  cpuMs: number;
}

type Route = 'echo' | 'tokens' | 'payments';

/** The three routes against one gateway; payments spend the tokens the token runs made. */
function session(gateway: Gateway, opts: ThroughputOptions) {
  const tokens: string[] = [];
  const state = { poolRanDry: false };
  const requests: Record<Route, autocannon.Request> = {
    echo: {
      method: 'POST',
      path: '/bench/echo',
      headers: { ...json, authorization: `Bearer ${PUBLISHABLE_KEY}` },
      body: cardBody,
    },
    tokens: tokenRequest(tokens),
    payments: paymentRequest(tokens, () => (state.poolRanDry = true)),
  };

  const run = async (route: Route, label: string, seconds: number, quiet = false) => {
    const rssReset = gateway.resetPeak();
    const cpuBefore = gatewayCpuSnapshot([gateway.pid]);
    // Payments stop when the token pool is spent or the time is up, whichever comes first.
    const result = await hammer(gateway.url, requests[route], {
      connections: opts.connections,
      seconds,
      ...(route === 'payments' ? { amount: tokens.length } : {}),
    });
    const ok = result['2xx'];
    const failed = result.non2xx + result.errors;
    const cpuMs = perRequest(cpuBefore, gatewayCpuSnapshot([gateway.pid]), ok).gatewayCpuMs;
    const row: Run = {
      cpuMs,
      rps: ok / result.duration,
      p99: result.latency.p99,
      ok,
      failed,
      peakRssKiB: gateway.peakRssKiB(),
    };
    if (!quiet)
      opts.log(
        `throughput ${label}: ${row.rps.toFixed(0)} req/s, p99 ${row.p99} ms, ${ok} ok, ` +
          `gateway CPU ${cpuMs.toFixed(3)} ms/request, ` +
          `${failed} failed, peak RSS ${(row.peakRssKiB / 1024).toFixed(1)} MiB` +
          (rssReset ? '' : ' (since start)'),
      );
    if (ok === 0) throw new Error(`${label}: no request succeeded (${failed} failed)`);
    return row;
  };
  const warmUp = async () => {
    const seconds = Math.max(1, opts.seconds / 5);
    for (const route of ['echo', 'tokens', 'payments'] as const)
      await run(route, 'warm-up', seconds, true);
  };
  return { run, warmUp, state };
}

/** Returns the median token rate (the PostgreSQL section compares with it). */
export async function measureThroughput(r: Recorder, opts: ThroughputOptions): Promise<number> {
  const gateway = await startGateway();
  let tokensRps: number;
  try {
    const { run, warmUp, state } = session(gateway, opts);
    await warmUp();
    // Floor and token runs alternate (E T E T ... E) and each side takes its median, so that
    // bursts of other jobs on a shared machine and the growing database weigh on both sides.
    const echoRuns: Run[] = [];
    const tokenRuns: Run[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      echoRuns.push(await run('echo', 'POST /bench/echo', opts.seconds));
      tokenRuns.push(await run('tokens', 'POST /v1/tokens', opts.seconds));
    }
    echoRuns.push(await run('echo', 'POST /bench/echo', opts.seconds));
    const pay = await run('payments', 'POST /v1/payments', opts.seconds);
    const floorRps = median(echoRuns.map((x) => x.rps));
    const floorP99 = median(echoRuns.map((x) => x.p99));
    const tok: Run = {
      rps: median(tokenRuns.map((x) => x.rps)),
      p99: median(tokenRuns.map((x) => x.p99)),
      ok: tokenRuns.reduce((sum, x) => sum + x.ok, 0),
      failed: tokenRuns.reduce((sum, x) => sum + x.failed, 0),
      peakRssKiB: Math.max(...tokenRuns.map((x) => x.peakRssKiB)),
      cpuMs: median(tokenRuns.map((x) => x.cpuMs)),
    };
    tokensRps = tok.rps;
    const sqliteCosts = (cpuMs: number) => ({
      ...gatewayCpuSnapshot([]),
      gatewayCpuMs: cpuMs,
    });
    const echo: Run = {
      rps: floorRps,
      p99: floorP99,
      ok: echoRuns.reduce((sum, x) => sum + x.ok, 0),
      failed: 0,
      peakRssKiB: 0,
      cpuMs: median(echoRuns.map((x) => x.cpuMs)),
    };
    for (const [route, run] of [
      ['POST /bench/echo', echo],
      ['POST /v1/tokens', tok],
      ['POST /v1/payments', pay],
    ] as const) {
      r.cost({
        engine: 'SQLite',
        instances: 1,
        route,
        rps: run.rps,
        p99: run.p99,
        requests: run.ok,
        costs: sqliteCosts(run.cpuMs),
      });
    }
    const echoPeakRssKiB = Math.max(...echoRuns.map((x) => x.peakRssKiB));
    // What a durable commit costs on this disk right now (other jobs share it).
    const sync = fsyncLatency(200);
    opts.log(`disk fsync: median ${sync.median.toFixed(2)} ms, p99 ${sync.p99.toFixed(2)} ms`);
    const floor = 'POST /bench/echo';
    const rps = 'req/s';
    const group = 'throughput';
    r.add(
      atLeast(
        {
          group,
          name: 'POST /v1/tokens req/s',
          value: tok.rps,
          unit: rps,
          against: floor,
          againstValue: floorRps,
          note: `${opts.connections} connections; medians of ${opts.rounds} runs of ${opts.seconds} s`,
          // Each token run against the floor's median.
          spread: {
            low: Math.min(...tokenRuns.map((x) => x.rps)) / floorRps,
            high: Math.max(...tokenRuns.map((x) => x.rps)) / floorRps,
            kind: 'ratio',
            over: `each of ${opts.rounds} token runs ÷ the floor's median`,
          },
        },
        0.5,
      ),
      informs({
        group,
        name: 'POST /v1/payments req/s',
        value: pay.rps,
        unit: rps,
        against: floor,
        againstValue: floorRps,
        ...(state.poolRanDry || pay.failed
          ? { note: `${pay.failed} failed${state.poolRanDry ? ' (token pool ran dry)' : ''}` }
          : {}),
      }),
      informs({
        group,
        name: 'POST /v1/tokens p99 latency',
        value: tok.p99,
        unit: 'ms',
        against: floor,
        againstValue: floorP99,
      }),
      informs({
        group,
        name: 'POST /v1/payments p99 latency',
        value: pay.p99,
        unit: 'ms',
        against: floor,
        againstValue: floorP99,
      }),
      absolute(group, 'floor POST /bench/echo req/s', floorRps, rps),
      absolute(
        group,
        'disk fsync (4 KiB append) median',
        sync.median,
        'ms',
        `p99 ${sync.p99.toFixed(2)} ms: each group commit waits for one`,
      ),
      absolute(group, 'gateway peak RSS (tokens runs)', tok.peakRssKiB / 1024, 'MiB'),
      absolute(group, 'gateway peak RSS (payments run)', pay.peakRssKiB / 1024, 'MiB'),
      absolute(group, 'gateway peak RSS (echo runs)', echoPeakRssKiB / 1024, 'MiB'),
    );
  } finally {
    await gateway.stop();
  }
  if (opts.profile) {
    for (const route of ['echo', 'tokens'] as const)
      r.profile(`gateway CPU, ${route} route only`, await profileRoute(route, opts));
  }
  return tokensRps;
}

/** One route against a fresh gateway under --cpu-prof; the profile is written when it exits. */
async function profileRoute(route: Route, opts: ThroughputOptions): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pay-bench-prof-'));
  try {
    const gateway = await startGateway(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const seconds = Math.max(opts.seconds, 5);
    try {
      const { run } = session(gateway, opts);
      await run(route, 'warm-up', 1, true);
      await run(route, `${route} (profiled)`, seconds);
    } finally {
      await gateway.stop();
    }
    // One profile per thread, CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; thread 0
    // is the main thread, others are workers (a token writer, say).
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => ({ f, thread: Number(f.split('.')[4] ?? 0) }))
      .sort((a, b) => a.thread - b.thread);
    if (!files.length) throw new Error('the gateway wrote no CPU profile (did it exit cleanly?)');
    // The last seconds of the run only: the server's shutdown takes a few milliseconds.
    return files.flatMap(({ f, thread }) => {
      const summary = summarizeCpuProfile(path.join(dir, f), seconds - 0.5, thread === 0 ? 15 : 8);
      const title = thread === 0 ? '== main thread' : `== worker thread ${thread}`;
      // A worker that did nothing in the window (a logger's, say) gets one line.
      return summary.length > 1 ? [title, ...summary] : [`${title}: ${summary[0]}`];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
