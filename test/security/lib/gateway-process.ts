// The real gateway as a child process (node + tsx directly, so the pid we SIGKILL is the server
// itself, not an npx/tsx wrapper). Every start is remembered: the secrets-at-rest family reads
// each one's database files and captured log lines at the end of the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Keys long enough that the gateway's stored key "display" prefix is not the whole key. */
export const SEED_PUBLISHABLE_KEY = 'pk_test_security_suite';
export const SEED_SECRET_KEY = 'sk_test_security_suite_0f3a9c2e7d41b6';

export interface GatewayRun {
  port: number;
  url: string;
  dataDir: string;
  databaseFile: string;
  secretKey: string;
  publishableKey: string;
  /** stdout and stderr of every process started on this data dir, line by line. */
  logLines: string[];
  child: ChildProcess;
}

/** Database files as a crash left them (-wal and -shm included), for the secrets-at-rest family. */
export const crashSnapshots: { name: string; bytes: Buffer }[] = [];

/** Every gateway this run started, for the secrets-at-rest family. */
export const startedGateways: GatewayRun[] = [];

export interface GatewayOptions {
  port: number;
  tokenRateLimit?: number;
  dataDir?: string;
  secretKey?: string;
  publishableKey?: string;
  env?: Record<string, string>;
}

function collectLines(stream: NodeJS.ReadableStream | null, into: string[]): void {
  let rest = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    into.push(...parts);
  });
  stream?.on('end', () => {
    if (rest) into.push(rest);
    rest = '';
  });
}

async function waitForHealth(url: string, child: ChildProcess, logLines: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`gateway exited with ${child.exitCode}:\n${logLines.slice(-20).join('\n')}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`gateway did not answer ${url}/healthz`);
}

/** Starts (or, with the same dataDir, restarts) a gateway and waits for /healthz. */
export async function startGateway(options: GatewayOptions): Promise<GatewayRun> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'security-gateway-'));
  const previous = startedGateways.find((g) => g.dataDir === dataDir);
  const logLines = previous?.logLines ?? [];
  const secretKey = options.secretKey ?? SEED_SECRET_KEY;
  const publishableKey = options.publishableKey ?? SEED_PUBLISHABLE_KEY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/gateway/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      DATA_DIR: dataDir,
      PAY_SEED_PUBLISHABLE_KEY: publishableKey,
      PAY_SEED_SECRET_KEY: secretKey,
      PAY_TOKEN_RATE_LIMIT: String(options.tokenRateLimit ?? 1_000_000),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  collectLines(child.stdout, logLines);
  collectLines(child.stderr, logLines);
  const run: GatewayRun = {
    port: options.port,
    url: `http://localhost:${options.port}`,
    dataDir,
    databaseFile: join(dataDir, 'gateway.sqlite'),
    secretKey,
    publishableKey,
    logLines,
    child,
  };
  if (previous)
    Object.assign(previous, { child }); // a restart: same record, new process
  else startedGateways.push(run);
  try {
    await waitForHealth(run.url, child, logLines);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return previous ?? run;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** A clean stop (SIGTERM, the gateway closes its database), SIGKILL after 5 s. */
export async function stopGateway(run: GatewayRun): Promise<void> {
  const done = exited(run.child);
  const force = setTimeout(() => run.child.kill('SIGKILL'), 5000);
  run.child.kill('SIGTERM');
  await done;
  clearTimeout(force);
}

/** A crash: SIGKILL, no chance to flush or close anything. */
export async function killGateway(run: GatewayRun): Promise<void> {
  const done = exited(run.child);
  run.child.kill('SIGKILL');
  await done;
}
