// The real gateway as a child process (test/harness: node + tsx directly, so the pid we SIGKILL
// is the server itself, not an npx/tsx wrapper), on a port the system picks. Every start is
// remembered: the secrets-at-rest family reads each one's database files and captured log
// lines at the end of the run.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startGateway as startGatewayProcess,
  type GatewayProcess,
} from '../../harness/gateway-process.js';

export { ROOT } from '../../harness/gateway-process.js';

/** Keys long enough that the gateway's stored key "display" prefix is not the whole key. */
export const SEED_PUBLISHABLE_KEY = 'pk_test_security_suite';
export const SEED_SECRET_KEY = 'sk_test_security_suite_0f3a9c2e7d41b6';

export interface GatewayRun {
  /** The port the system gave the gateway (kept across restarts on the same dataDir). */
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

/** Every gateway listens on a port the system picks; a restart on the same dataDir gets its first one. */
export interface GatewayOptions {
  tokenRateLimit?: number;
  dataDir?: string;
  secretKey?: string;
  publishableKey?: string;
  env?: Record<string, string>;
}

/** The harness's handle on each process, to stop it. */
const processes = new WeakMap<ChildProcess, GatewayProcess>();

/** Starts (or, with the same dataDir, restarts) a gateway and waits until it is listening. */
export async function startGateway(options: GatewayOptions = {}): Promise<GatewayRun> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'security-gateway-'));
  const previous = startedGateways.find((g) => g.dataDir === dataDir);
  const logLines = previous?.logLines ?? [];
  const secretKey = options.secretKey ?? SEED_SECRET_KEY;
  const publishableKey = options.publishableKey ?? SEED_PUBLISHABLE_KEY;
  const gateway = await startGatewayProcess({
    dataDir,
    // A restart at the same address, as a restarted server would be.
    port: previous?.port ?? 0,
    env: {
      PAY_SEED_PUBLISHABLE_KEY: publishableKey,
      PAY_SEED_SECRET_KEY: secretKey,
      PAY_TOKEN_RATE_LIMIT: String(options.tokenRateLimit ?? 1_000_000),
      ...options.env,
    },
    onLine: (line) => logLines.push(line),
  });
  processes.set(gateway.child, gateway);
  const started = { child: gateway.child, port: gateway.port, url: gateway.url };
  if (previous) return Object.assign(previous, started); // a restart: same record, new process
  const run: GatewayRun = {
    ...started,
    dataDir,
    databaseFile: join(dataDir, 'gateway.sqlite'),
    secretKey,
    publishableKey,
    logLines,
  };
  startedGateways.push(run);
  return run;
}

/** A clean stop (SIGTERM, the gateway closes its database), SIGKILL after 5 s. */
export async function stopGateway(run: GatewayRun): Promise<void> {
  await processes.get(run.child)?.stop();
}

/** A crash: SIGKILL, no chance to flush or close anything. */
export async function killGateway(run: GatewayRun): Promise<void> {
  await processes.get(run.child)?.kill();
}
