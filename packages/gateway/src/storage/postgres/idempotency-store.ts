import type pg from 'pg';
import type { IdempotencyState, IdempotentAnswer } from '../storage.js';
import { query } from './transaction.js';
import type { Queryable } from './transaction.js';

/**
 * How long an unanswered claim stays in force. Several instances share the table, so none may
 * release "its" unanswered claims at start as SQLite does: a claim is a lease instead. Every
 * answer is committed with its change, so an unanswered claim older than this belongs to a
 * request that crashed (or ran far past any client's timeout) and committed nothing: the next
 * request with that key takes it over.
 */
export const CLAIM_LEASE_SECONDS = 120;

/** Idempotency-Key claims and their stored answers, shared by every instance. */
export class PostgresIdempotencyStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /**
   * One statement claims the key: a new row, or the takeover of an expired unanswered lease.
   * Of two instances racing for one key the unique index lets exactly one insert.
   */
  async begin(
    merchantId: string,
    key: string,
    requestHash: string,
    nowMs: number,
  ): Promise<IdempotencyState> {
    const claimed = await query(
      this.#pool,
      `INSERT INTO idempotency_keys (merchant_id, key, request_hash, created_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (merchant_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
             claimed_at = clock_timestamp()
         WHERE idempotency_keys.status_code IS NULL
           AND idempotency_keys.claimed_at < clock_timestamp() - make_interval(secs => $5)`,
      [merchantId, key, requestHash, nowMs, CLAIM_LEASE_SECONDS],
    );
    if (claimed.rowCount === 1) return { state: 'started' };
    const { rows } = await query<{
      request_hash: string;
      status_code: number | null;
      body: string | null;
    }>(
      this.#pool,
      'SELECT request_hash, status_code, body FROM idempotency_keys WHERE merchant_id = $1 AND key = $2',
      [merchantId, key],
    );
    const row = rows[0];
    if (!row) return { state: 'in_progress' };
    if (row.request_hash !== requestHash) return { state: 'mismatch' };
    if (row.status_code === null || row.body === null) return { state: 'in_progress' };
    return { state: 'done', statusCode: row.status_code, body: row.body };
  }

  async finish(merchantId: string, key: string, statusCode: number, body: string): Promise<void> {
    await query(
      this.#pool,
      `UPDATE idempotency_keys SET status_code = $1, body = $2
        WHERE merchant_id = $3 AND key = $4 AND status_code IS NULL`,
      [statusCode, body, merchantId, key],
    );
  }

  /** Inside a change's transaction: its answer, or (claim gone) a throw that rolls it back. */
  async storeAnswer<T>(client: Queryable, answer: IdempotentAnswer<T>, written: T): Promise<void> {
    const { statusCode, body } = answer.render(written);
    const stored = await client.query(
      `UPDATE idempotency_keys SET status_code = $1, body = $2
        WHERE merchant_id = $3 AND key = $4 AND status_code IS NULL`,
      [statusCode, body, answer.merchantId, answer.key],
    );
    if (stored.rowCount !== 1) throw new Error('The Idempotency-Key claim is gone');
  }

  async abandon(merchantId: string, key: string): Promise<void> {
    await query(
      this.#pool,
      'DELETE FROM idempotency_keys WHERE merchant_id = $1 AND key = $2 AND status_code IS NULL',
      [merchantId, key],
    );
  }

  /** Inside the caller's transaction: forgets keys claimed before `beforeMs`. */
  async expire(client: Queryable, beforeMs: number): Promise<void> {
    await client.query('DELETE FROM idempotency_keys WHERE created_at < $1', [beforeMs]);
  }
}
