import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStorage } from '../src/storage/postgres-storage.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import type { Storage } from '../src/storage/storage.js';
import type { TokenRateLimitStores } from '../src/token-rate-limit.js';

/** Which engine the suite runs on: GATEWAY_STORAGE=sqlite (default) or postgres. */
export const engine: 'sqlite' | 'postgres' =
  process.env.GATEWAY_STORAGE === 'postgres' ? 'postgres' : 'sqlite';

export interface StorageUnderTest {
  storage: Storage;
  /** PostgreSQL: the database's own counters; SQLite: undefined (in memory). */
  tokenRateLimitStores: TokenRateLimitStores | undefined;
  /** The database URL (PostgreSQL) or file (SQLite) the gateway uses. */
  location: string;
  /** Closes the storage and drops what it made. */
  dispose(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'GATEWAY_STORAGE=postgres needs TEST_DATABASE_URL (npm run test:gateway starts a server)',
    );
  }
  return url;
}

/** A fresh, empty database on the test server; dropped again by the returned function. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = serverUrl();
  const name = `gw_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The storage a test gateway gets on the engine under test. */
export async function openStorageUnderTest(
  dir: string,
  synchronous: 'FULL' | 'NORMAL',
  now: () => number,
): Promise<StorageUnderTest> {
  if (engine === 'sqlite') {
    const file = join(dir, 'gateway.sqlite');
    const storage = new SqliteStorage({ file, synchronous });
    return {
      storage,
      tokenRateLimitStores: undefined,
      location: file,
      dispose: () => storage.close(),
    };
  }
  const database = await createTestDatabase();
  const storage = await PostgresStorage.open({ url: database.url, poolSize: 10 });
  return {
    storage,
    tokenRateLimitStores: storage.tokenRateLimitStores(now),
    location: database.url,
    async dispose() {
      await storage.close();
      await database.drop();
    },
  };
}
