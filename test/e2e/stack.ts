// Starts the real gateway and the real shop as child processes (node + tsx, as `npm start` does)
// and stops them again: the e2e tests run against these, never against stubs.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISHABLE_KEY, SECRET_KEY } from './env.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

export interface Server {
  url: string;
  stop(): Promise<void>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not answer ${url}`);
}

async function startProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  healthUrl: string,
  logDir: string,
): Promise<ChildProcess> {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await waitUntilAnswering(healthUrl, child, name);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}; see ${join(logDir, `${name}.log`)}`);
  }
  return child;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The gateway with the e2e test merchant seeded; DATA_DIR survives a stop, for a restart. */
export async function startGateway(port: number, dataDir: string): Promise<Server> {
  const url = `http://localhost:${port}`;
  const child = await startProcess(
    `gateway-${port}`,
    'packages/gateway/src/main.ts',
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      PAY_SEED_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      PAY_SEED_SECRET_KEY: SECRET_KEY,
      PAY_TOKEN_RATE_LIMIT: '100000',
    },
    `${url}/healthz`,
    dataDir,
  );
  return { url, stop: stopper(child) };
}

export async function startShop(port: number, gatewayUrl: string, logDir: string): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const child = await startProcess(
    `shop-${port}`,
    'demo/server/main.ts',
    {
      DEMO_PORT: String(port),
      DEMO_HOST: '127.0.0.1',
      GATEWAY_URL: gatewayUrl,
      DEMO_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      DEMO_SECRET_KEY: SECRET_KEY,
    },
    `${url}/healthz`,
    logDir,
  );
  return { url, stop: stopper(child) };
}
