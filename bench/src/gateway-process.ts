// The real gateway as a child process: SQLite in a temp dir, rate limit raised, bench routes on.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatewayMain, repoRoot } from './paths';

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

async function waitHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`gateway exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gateway did not answer /healthz within 60 s:\n${output()}`);
}

export async function startGateway(
  port: number,
  nodeArgs: string[] = [],
  /** More environment (DATABASE_URL for PostgreSQL, say). */
  env: Record<string, string> = {},
): Promise<Gateway> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pay-bench-'));
  const logFile = path.join(dataDir, 'gateway.log');
  const logFd = openSync(logFile, 'a');
  // node itself (not npx/tsx wrappers), so that the pid we read /proc of is the server.
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', gatewayMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: 'localhost',
      DATA_DIR: dataDir,
      PAY_SEED_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      PAY_SEED_SECRET_KEY: SECRET_KEY,
      PAY_TOKEN_RATE_LIMIT: '100000000',
      PAY_BENCH_ROUTES: '1',
      ...env,
    },
    // Its log goes to a file: a pipe read by this (busy) process could slow the server down.
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const tail = () => {
    try {
      return readFileSync(logFile, 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  const url = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    await waitHealthy(url, child, tail);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    cleanup();
    throw error;
  }
  const pid = child.pid!;
  return {
    url,
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
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      cleanup();
    },
  };
}
