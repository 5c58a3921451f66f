// The real gateway as a child process (the shared test/harness): SQLite in a temp dir, rate
// limit raised, bench routes on, on a port the system picks.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startGateway as startGatewayProcess } from '../../test/harness/gateway-process.js';
import { gatewayMain } from './paths';

export const PUBLISHABLE_KEY = 'pk_test_bench';
export const SECRET_KEY = 'sk_test_bench';

export interface Gateway {
  url: string;
  pid: number;
  /** Peak resident set (VmHWM) of the gateway process since start or the last resetPeak, in KiB. */
  peakRssKiB(): number;
  /** Restart VmHWM from the current RSS (Linux: write 5 to /proc/<pid>/clear_refs). */
  resetPeak(): boolean;
  stop(): Promise<void>;
}

function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`${field} missing from /proc/${pid}/status`);
  return Number(match[1]);
}

export async function startGateway(
  nodeArgs: string[] = [],
  /** More environment (DATABASE_URL for PostgreSQL, say). */
  env: Record<string, string> = {},
): Promise<Gateway> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pay-bench-'));
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  // node itself (no npx/tsx wrapper), so the pid we read /proc of is the server. Its log goes to
  // a file: a pipe read by this (busy) process could slow the server down.
  const gateway = await startGatewayProcess({
    script: gatewayMain,
    nodeArgs,
    dataDir,
    logFile: path.join(dataDir, 'gateway.log'),
    env: {
      NODE_ENV: 'production',
      PAY_SEED_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      PAY_SEED_SECRET_KEY: SECRET_KEY,
      PAY_TOKEN_RATE_LIMIT: '100000000',
      PAY_BENCH_ROUTES: '1',
      ...env,
    },
  }).catch((error: unknown) => {
    cleanup();
    throw error;
  });
  const pid = gateway.child.pid!;
  return {
    url: gateway.url,
    pid,
    peakRssKiB: () => statusField(pid, 'VmHWM'),
    resetPeak: () => {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop: () => gateway.stop().then(cleanup),
  };
}
