// `npm run bench [-- --quick] [--profile] [--only=size,throughput,postgres,browser]`: measure, print, write
// the results. --profile adds CPU profiles of the gateway's routes to the results.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { format } from 'prettier';
import { measureBrowser } from './browser';
import { ratioChart } from './chart';
import { formatCostTable, type CostRow } from './cost-table';
import type { Metric, Recorder } from './metric';
import { benchDir } from './paths';
import { measureSize } from './size';
import { formatTable } from './table';
import { measurePostgresThroughput } from './postgres-throughput';
import { measureThroughput } from './throughput';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (section: string) => !only || only.includes(section);

const started = performance.now();
const loadBefore = os.loadavg();
const log = (line: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${line}`);

const metrics: Metric[] = [];
const costs: CostRow[] = [];
const errors: { section: string; message: string }[] = [];
const profiles: Record<string, string[]> = {};

const recorder: Recorder = {
  add: (...rows) => metrics.push(...rows),
  cost: (row) => costs.push(row),
  profile: (name, lines) => {
    profiles[name] = lines;
    log(`profile ${name}:\n${lines.join('\n')}`);
  },
  part: async (name, measure) => {
    try {
      await measure();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ section: name, message });
      log(`${name} could not be measured: ${message}`);
    }
  },
};

async function section(name: string, measure: (r: Recorder) => Promise<void>): Promise<void> {
  if (!wanted(name)) return;
  log(`${name}...`);
  await recorder.part(name, () => measure(recorder));
}

await section('size', (r) => measureSize(r, log));
// The SQLite token rate the PostgreSQL section compares two instances with.
let sqliteTokensRps: number | undefined;
await section('throughput', async (r) => {
  sqliteTokensRps = await measureThroughput(r, {
    seconds: quick ? 2 : 5,
    rounds: quick ? 1 : 3,
    connections: 10,
    profile,
    log,
  });
});
// `npm run bench` runs under scripts/with-postgres.mjs, which sets TEST_DATABASE_URL.
await section('postgres', (r) => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('no TEST_DATABASE_URL (run it as npm run bench)');
  return measurePostgresThroughput(r, {
    serverUrl,
    seconds: quick ? 2 : 5,
    rounds: quick ? 1 : 3,
    connections: 10,
    sqliteTokensRps,
    log,
  });
});
await section('browser', (r) =>
  measureBrowser(r, {
    loads: quick ? 3 : 30,
    slowLoads: Number(process.env.BENCH_LOADS) || (quick ? 3 : 20),
    delayMs: 100,
    cpuRate: 4,
    keystrokes: quick ? 20 : 200,
    tokenizations: quick ? 5 : 50,
    traces: !quick,
    log,
  }),
);

const seconds = (performance.now() - started) / 1000;
const chromium = (() => {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
})();
const results = {
  mode: quick ? 'quick' : 'full',
  date: new Date().toISOString(),
  durationSeconds: Math.round(seconds * 10) / 10,
  machine: {
    cpus: os.cpus().length,
    node: process.version,
    chromium,
    // Other jobs on a shared machine move absolute numbers (and some ratios): keep the load.
    loadAverage1m: { before: loadBefore[0], after: os.loadavg()[0] },
  },
  metrics,
  costs,
  errors,
  profiles,
};
// Quick runs (the smoke test in `npm test`) keep their own files, so they never overwrite the
// full run's results.
const base = path.join(benchDir, quick ? 'results-quick' : 'results');
await writeFile(`${base}.json`, await format(JSON.stringify(results), { parser: 'json' }));
await writeFile(
  `${base}.svg`,
  ratioChart(
    metrics,
    `Secure card fields: ratios to floor / peer (${results.mode} run, ${results.date.slice(0, 10)})`,
  ),
);

console.log(formatTable(metrics));
if (costs.length) console.log(`\n${formatCostTable(costs)}`);
console.log(
  `\n${metrics.filter((m) => m.pass === true).length} goals met, ` +
    `${metrics.filter((m) => m.pass === false).length} missed; ${seconds.toFixed(1)} s; ` +
    `load average ${loadBefore[0]!.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs; ` +
    `wrote ${path.relative(process.cwd(), base)}.json and .svg`,
);
for (const e of errors) console.log(`NOT MEASURED: ${e.section}: ${e.message.split('\n')[0]}`);
// Missed goals are results, not failures; only a benchmark that could not run fails.
process.exitCode = errors.length ? 1 : 0;
