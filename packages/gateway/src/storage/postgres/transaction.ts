import type pg from 'pg';
import { StorageUnavailableError } from '../storage-unavailable.js';

export type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * SQLSTATE classes and driver errors that mean "the server is not there" rather than "this
 * statement is wrong": 08 connection exceptions, 57P01-57P03 shutdown/cannot connect now,
 * and socket errors from the driver.
 */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)
  ) {
    return true;
  }
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i.test(
    message,
  );
}

function translate(error: unknown): unknown {
  return isUnavailable(error) ? new StorageUnavailableError({ cause: error }) : error;
}

/** One statement on any pooled connection; a lost server becomes StorageUnavailableError. */
export async function query<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  try {
    return await pool.query<R>(text, values);
  } catch (error) {
    throw translate(error);
  }
}

/**
 * Runs `work` in one READ COMMITTED transaction: committed whole, or rolled back whole when it
 * throws (a refusal from a `change`, a lost connection). A connection that failed is
 * destroyed rather than returned to the pool.
 */
export async function transaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw translate(error);
  }
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = isUnavailable(error);
    if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
    throw translate(error);
  } finally {
    client.release(broken);
  }
}
