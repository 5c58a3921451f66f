import type pg from 'pg';
import type { RateLimitHit, RateLimitStore } from '../../rate-limit-store.js';
import type { TokenRateLimitStores } from '../../token-rate-limit.js';
import { query } from './transaction.js';

/** How often counts this instance took alone go to the shared table. */
export const RATE_LIMIT_SYNC_MS = 100;
/** Hits an instance may admit on its own, between two reads of the shared count: max ÷ 10 … */
const SLACK_FRACTION = 0.1;
/** … and never more than this. */
const MAX_SLACK = 50;

/**
 * The most requests one instance admits past a bucket's limit in one window: it admits at most
 * this many hits before it has read the shared count back (limits under 10 have none: every
 * hit waits for the shared count).
 */
export function rateLimitSlack(max: number): number {
  return Math.min(MAX_SLACK, Math.floor(max * SLACK_FRACTION));
}

interface Bucket {
  /** The shared count as last read (other instances' hits and ours that were sent). */
  shared: number;
  /** Hits admitted here and not yet sent. */
  pending: number;
  /** Hits waiting for the next shared count to be told whether they are admitted. */
  waiting: { resolve: (hit: RateLimitHit) => void; reject: (error: unknown) => void }[];
  resetAt: number;
  max: number;
  windowMs: number;
}

/**
 * Fixed-window counters shared by every instance through one UNLOGGED table (counters that
 * reset every minute need not survive a crash, so they cost no WAL and no fsync). Each instance
 * counts in memory and sends its counts in one statement every RATE_LIMIT_SYNC_MS, reading the
 * shared counts back; it admits a hit on its own only while the hits it has not sent stay under
 * `rateLimitSlack(max)` and the count it knows stays within the limit. Past that, the hit waits
 * for the shared count (sent at once, with every other hit waiting then). So an instance admits
 * at most `rateLimitSlack(max)` requests over the limit per bucket and window, whatever the
 * other instances do. Ended windows are deleted by the sweep.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  readonly #pool: pg.Pool;
  readonly #scope: string;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #timer: NodeJS.Timeout | null = null;
  #syncing: Promise<void> | null = null;
  #again = false;
  #forgotAt = 0;

  constructor(pool: pg.Pool, scope: 'address' | 'merchant', now: () => number) {
    this.#pool = pool;
    this.#scope = scope;
    this.#now = now;
  }

  hit(bucketKey: string, windowMs: number, max: number): Promise<RateLimitHit> {
    const now = this.#now();
    let bucket = this.#buckets.get(bucketKey);
    if (!bucket || (bucket.resetAt <= now && bucket.pending === 0 && !bucket.waiting.length)) {
      bucket = { shared: 0, pending: 0, waiting: [], resetAt: now + windowMs, max, windowMs };
      this.#buckets.set(bucketKey, bucket);
    }
    bucket.max = max;
    bucket.windowMs = windowMs;
    const known = bucket.resetAt > now ? bucket.shared + bucket.pending : bucket.pending;
    if (bucket.pending < rateLimitSlack(max) && known + 1 <= max && !bucket.waiting.length) {
      bucket.pending += 1;
      this.#schedule();
      return Promise.resolve({ allowed: true, resetMs: Math.max(0, bucket.resetAt - now) });
    }
    return new Promise((resolve, reject) => {
      bucket.waiting.push({ resolve, reject });
      this.#syncNow();
    });
  }

  #schedule(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#syncNow();
    }, RATE_LIMIT_SYNC_MS);
    // Counts left unsent when the process ends are lost: they only ever err towards admitting.
    this.#timer.unref();
  }

  #syncNow(): void {
    if (this.#syncing) {
      this.#again = true;
      return;
    }
    this.#syncing = this.#sync().finally(() => {
      this.#syncing = null;
      if (this.#again) {
        this.#again = false;
        this.#syncNow();
      }
    });
  }

  /** One statement for every bucket with hits to send or to decide, in key order (no deadlock). */
  async #sync(): Promise<void> {
    const now = this.#now();
    const batch = [...this.#buckets]
      .filter(([, b]) => b.pending > 0 || b.waiting.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, b]) => ({ key, b, sent: b.pending, waiting: b.waiting.splice(0) }));
    for (const { b } of batch) b.pending = 0;
    this.#forgetEnded(now);
    if (!batch.length) return;
    try {
      const { rows } = await query<{ bucket: string; count: number; reset_at: number }>(
        this.#pool,
        `INSERT INTO rate_limit_windows AS w (scope, bucket, count, reset_at)
         SELECT $1, t.bucket, t.n, $2::bigint + t.window_ms
           FROM unnest($3::text[], $4::int[], $5::bigint[]) AS t(bucket, n, window_ms)
         ON CONFLICT (scope, bucket) DO UPDATE SET
           count = CASE WHEN w.reset_at <= $2 THEN EXCLUDED.count ELSE w.count + EXCLUDED.count END,
           reset_at = CASE WHEN w.reset_at <= $2 THEN EXCLUDED.reset_at ELSE w.reset_at END
         RETURNING bucket, count, reset_at`,
        [
          this.#scope,
          now,
          batch.map((x) => x.key),
          batch.map((x) => x.sent + x.waiting.length),
          batch.map((x) => x.b.windowMs),
        ],
      );
      const counted = new Map(rows.map((row) => [row.bucket, row]));
      for (const { key, b, waiting } of batch) {
        const row = counted.get(key);
        if (!row) throw new Error('rate limit upsert returned no row');
        // Hits admitted here while this statement ran are in `pending` again: not in `count`.
        b.shared = row.count;
        b.resetAt = row.reset_at;
        const resetMs = Math.max(0, row.reset_at - now);
        // The waiting hits are the last `waiting.length` of `count`, in arrival order.
        const first = row.count - waiting.length + 1;
        waiting.forEach((w, i) => w.resolve({ allowed: first + i <= b.max, resetMs }));
      }
    } catch (error) {
      for (const { b, sent, waiting } of batch) {
        b.pending += sent; // sent again next time
        for (const w of waiting) w.reject(error);
      }
    }
  }

  /** Buckets whose window ended and that hold nothing unsent (junk addresses, say). */
  #forgetEnded(now: number): void {
    // A walk over every bucket: once a second at most.
    if (now - this.#forgotAt < 1000) return;
    this.#forgotAt = now;
    for (const [key, b] of this.#buckets) {
      if (b.resetAt <= now && b.pending === 0 && !b.waiting.length) this.#buckets.delete(key);
    }
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
