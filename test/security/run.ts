import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// `npm run test:security`: every family in turn, then the table. Exit code 1 if any case failed.
// SECURITY_FAMILIES=3,4 runs a subset; SECURITY_SCALE=0.2 shrinks the fuzz (default 1).
import { apiAbuse, FUZZ_SEED } from './families/api-abuse.js';
import { crashRecovery } from './families/crash-recovery.js';
import { secretsAtRest } from './families/secrets-at-rest.js';
import { hostileWindows } from './families/hostile-windows.js';
import { merchantVisibility } from './families/merchant-visibility.js';
import { moneyConcurrency } from './families/money-concurrency.js';
import { startedGateways } from './lib/gateway-process.js';
import { FamilyResult, printCases, printFailures, printTable } from './lib/results.js';

const only = new Set((process.env.SECURITY_FAMILIES ?? '').split(',').filter(Boolean));
const scale = Number(process.env.SECURITY_SCALE ?? 1);

const families: [string, () => Promise<FamilyResult>][] = [
  ['1', () => merchantVisibility()],
  ['2', () => hostileWindows()],
  ['3', () => apiAbuse(scale)],
  ['4', () => moneyConcurrency()],
  ['5', () => crashRecovery()],
  ['6', () => secretsAtRest()],
];

async function main(): Promise<void> {
  const started = Date.now();
  const results: FamilyResult[] = [];
  console.log(`security suite: fuzz seed ${FUZZ_SEED}, scale ${scale}`);
  for (const [id, run] of families) {
    if (only.size > 0 && !only.has(id)) continue;
    const t0 = Date.now();
    let result: FamilyResult;
    try {
      result = await run();
    } catch (error) {
      result = new FamilyResult(`${id} (crashed)`);
      result.record('family ran to the end', (error as Error).stack ?? String(error));
    }
    results.push(result);
    console.log(
      `family ${result.name}: ${result.passed}/${result.tried} passed in ${((Date.now() - t0) / 1000).toFixed(1)} s${result.skipped ? ` (skipped: ${result.skipped})` : ''}`,
    );
    printFailures(result);
    if (process.env.SECURITY_VERBOSE) printCases(result);
  }
  printTable(results, (Date.now() - started) / 1000);
  if (!process.env.SECURITY_KEEP) {
    for (const gw of startedGateways) rmSync(gw.dataDir, { recursive: true, force: true });
  } else {
    for (const gw of startedGateways)
      writeFileSync(join(gw.dataDir, 'gateway.log'), gw.logLines.join('\n'));
    console.log(`kept (with gateway.log): ${startedGateways.map((g) => g.dataDir).join(' ')}`);
  }
  // The plain closing line CI readers look for, after the table.
  const tried = results.reduce((n, r) => n + r.tried, 0);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  console.log(`security: ${passed} passed, ${tried - passed} failed`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

void main();
