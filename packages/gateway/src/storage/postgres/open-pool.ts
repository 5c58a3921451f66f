import pg from 'pg';
import { postgresMigrations } from './migrations.js';

/** BIGINT (times in ms, amounts in cents) as a JS number: every value stays below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Any 64-bit number; the same for every gateway sharing the database. */
const MIGRATION_LOCK = 0x7061795f6d6967n; // "pay_mig"

export interface PoolOptions {
  url: string;
  /** Connections this instance opens at most. */
  poolSize: number;
}

/** A pool whose idle connections may die (server restart) without taking the process down. */
export function openPool({ url, poolSize }: PoolOptions, onError: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A statement stuck behind a lost lock holder fails instead of holding the request forever.
    statement_timeout: 30_000,
    application_name: 'pay-gateway',
  });
  pool.on('error', onError);
  return pool;
}

/**
 * Applies the migrations not yet applied. Instances starting at once queue on one advisory
 * lock held for the transaction, so each migration runs exactly once.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM schema_migrations',
    );
    const applied = new Set(rows.map((row) => row.version));
    for (const [index, sql] of postgresMigrations.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
