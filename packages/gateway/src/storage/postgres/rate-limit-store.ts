import type pg from 'pg';
import type { RateLimitHit, RateLimitStore } from '../../rate-limit-store.js';
import type { TokenRateLimitStores } from '../../token-rate-limit.js';
import { query } from './transaction.js';

/**
 * Fixed-window counters in one table shared by every instance, so a limit holds across them.
 * One upsert counts the request and restarts an ended window atomically (the row lock orders
 * concurrent hits). Ended windows are deleted by the sweep; address buckets that junk traffic
 * creates cost a row each until then.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  readonly #pool: pg.Pool;
  readonly #scope: string;
  readonly #now: () => number;

  constructor(pool: pg.Pool, scope: 'address' | 'merchant', now: () => number) {
    this.#pool = pool;
    this.#scope = scope;
    this.#now = now;
  }

  async hit(bucket: string, windowMs: number, max: number): Promise<RateLimitHit> {
    const now = this.#now();
    const { rows } = await query<{ count: number; reset_at: number }>(
      this.#pool,
      `INSERT INTO rate_limit_windows AS w (scope, bucket, count, reset_at)
       VALUES ($1, $2, 1, $3::bigint + $4::bigint)
       ON CONFLICT (scope, bucket) DO UPDATE SET
         count = CASE WHEN w.reset_at <= $3 THEN 1 ELSE w.count + 1 END,
         reset_at = CASE WHEN w.reset_at <= $3 THEN $3::bigint + $4::bigint ELSE w.reset_at END
       RETURNING count, reset_at`,
      [this.#scope, bucket, now, windowMs],
    );
    const row = rows[0];
    if (!row) throw new Error('rate limit upsert returned no row');
    return { allowed: row.count <= max, resetMs: row.reset_at - now };
  }
}

/** The two /v1/tokens budgets (per client address, per merchant and mode), in the database. */
export function postgresTokenRateLimitStores(
  pool: pg.Pool,
  now: () => number,
): TokenRateLimitStores {
  return {
    address: new PostgresRateLimitStore(pool, 'address', now),
    merchant: new PostgresRateLimitStore(pool, 'merchant', now),
  };
}
