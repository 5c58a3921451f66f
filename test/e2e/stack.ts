// Starts the real gateway and the real shop as child processes (test/harness: main.ts under
// tsx, as `npm start` runs them) on ports the system picks, and stops them again: the e2e tests
// run against these, never against stubs. Logs go to files in the data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildServer } from '../harness/child-server.js';
import { startGateway as startGatewayProcess } from '../harness/gateway-process.js';
import { startShop as startShopProcess } from '../harness/shop-process.js';
import { PUBLISHABLE_KEY, SECRET_KEY } from './env.js';

export { ROOT } from '../harness/child-server.js';

export type Server = Pick<ChildServer, 'url' | 'port' | 'stop'>;

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The gateway with the e2e test merchant seeded; DATA_DIR survives a stop. A restart passes the
 * port of the first start, so pages and the shop find it where it was.
 */
export function startGateway(dataDir: string, port = 0): Promise<Server> {
  return startGatewayProcess({
    dataDir,
    port,
    logFile: join(dataDir, 'gateway.log'),
    env: {
      PAY_SEED_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
      PAY_SEED_SECRET_KEY: SECRET_KEY,
      PAY_TOKEN_RATE_LIMIT: '100000',
    },
  });
}

export function startShop(gatewayUrl: string, logDir: string, port = 0): Promise<Server> {
  return startShopProcess({
    gatewayUrl,
    publishableKey: PUBLISHABLE_KEY,
    secretKey: SECRET_KEY,
    port,
    logFile: join(logDir, 'shop.log'),
  });
}
