import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  callGateway,
  startGateway,
  type GatewayAnswer,
  type GatewayProcess,
} from '../../../../test/harness/gateway-process.js';
import { testCard } from '../harness.js';
import { createTestDatabase } from '../storage-under-test.js';

export const pk = 'pk_test_multi';
export const sk = 'sk_test_multi';

/** Two gateway processes (main.ts) over one fresh PostgreSQL database. */
export interface TwoInstances {
  a: GatewayProcess;
  b: GatewayProcess;
  databaseUrl: string;
  close(): Promise<void>;
}

export async function startTwoInstances(env: Record<string, string> = {}): Promise<TwoInstances> {
  const database = await createTestDatabase();
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'gateway-multi-')));
  const shared = {
    DATABASE_URL: database.url,
    PAY_DATA_KEY: randomBytes(32).toString('base64'),
    PAY_SEED_PUBLISHABLE_KEY: pk,
    PAY_SEED_SECRET_KEY: sk,
    PAY_DATABASE_POOL_SIZE: '10',
    ...env,
  };
  // Both at once: the migrations and the seed merchant must cope with a simultaneous start.
  const [a, b] = await Promise.all(
    dirs.map((dir) =>
      startGateway({ host: '127.0.0.1', env: { LOG_LEVEL: 'warn', ...shared, DATA_DIR: dir } }),
    ),
  );
  if (!a || !b) throw new Error('an instance did not start');
  return {
    a,
    b,
    databaseUrl: database.url,
    async close() {
      await Promise.all([a.stop(), b.stop()]);
      await database.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const call = (
  gw: GatewayProcess,
  method: string,
  path: string,
  options: { key?: string; body?: unknown; idempotencyKey?: string } = {},
): Promise<GatewayAnswer> => callGateway(gw, method, path, { key: sk, ...options });

export async function tokenize(gw: GatewayProcess, number = '4242424242424242'): Promise<string> {
  const answer = await call(gw, 'POST', '/v1/tokens', {
    key: pk,
    body: { card: { number, ...testCard } },
  });
  assert.equal(answer.status, 201, answer.text);
  return answer.json.id ?? '';
}
