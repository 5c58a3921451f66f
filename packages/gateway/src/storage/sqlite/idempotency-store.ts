import type Database from 'better-sqlite3';
import type { IdempotencyState, IdempotentAnswer } from '../storage.js';

/**
 * Idempotency-Key claims and their stored answers. Assumes one gateway process per database
 * file: on open, unanswered claims are released (see the constructor).
 */
export class SqliteIdempotencyStore {
  readonly #db: Database.Database;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    // Every answer is committed with its change, so a key still unanswered belongs to a
    // request that committed nothing, and a process opening this file has no request running
    // yet: release them, and retries run once. (A store shared by several gateway instances
    // could not tell a crashed request from a running one; it would need a lease instead.)
    db.prepare('DELETE FROM idempotency_keys WHERE status_code IS NULL').run();
    this.#statements = {
      begin: db.prepare<[string, string, string, number]>(
        `INSERT INTO idempotency_keys (merchant_id, key, request_hash, created_at)
         VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      get: db.prepare<
        [string, string],
        { request_hash: string; status_code: number | null; body: string | null }
      >(
        `SELECT request_hash, status_code, body FROM idempotency_keys WHERE merchant_id = ? AND key = ?`,
      ),
      finish: db.prepare<[number, string, string, string]>(
        `UPDATE idempotency_keys SET status_code = ?, body = ?
          WHERE merchant_id = ? AND key = ? AND status_code IS NULL`,
      ),
      abandon: db.prepare<[string, string]>(
        `DELETE FROM idempotency_keys WHERE merchant_id = ? AND key = ? AND status_code IS NULL`,
      ),
      expire: db.prepare<[number]>(`DELETE FROM idempotency_keys WHERE created_at < ?`),
    };
  }

  begin(merchantId: string, key: string, requestHash: string, nowMs: number): IdempotencyState {
    return this.#db
      .transaction((): IdempotencyState => {
        const inserted = this.#statements.begin.run(merchantId, key, requestHash, nowMs);
        if (inserted.changes === 1) return { state: 'started' };
        const row = this.#statements.get.get(merchantId, key);
        if (!row) return { state: 'in_progress' };
        if (row.request_hash !== requestHash) return { state: 'mismatch' };
        if (row.status_code === null || row.body === null) return { state: 'in_progress' };
        return { state: 'done', statusCode: row.status_code, body: row.body };
      })
      .immediate();
  }

  finish(merchantId: string, key: string, statusCode: number, body: string): void {
    this.#statements.finish.run(statusCode, body, merchantId, key);
  }

  /** Inside a change's transaction: its answer, or (claim gone) a throw that rolls it back. */
  storeAnswer<T>(answer: IdempotentAnswer<T>, written: T): void {
    const { statusCode, body } = answer.render(written);
    const stored = this.#statements.finish.run(statusCode, body, answer.merchantId, answer.key);
    if (stored.changes !== 1) throw new Error('The Idempotency-Key claim is gone');
  }

  abandon(merchantId: string, key: string): void {
    this.#statements.abandon.run(merchantId, key);
  }

  /** Inside the caller's transaction: forgets keys claimed before `beforeMs`. */
  expire(beforeMs: number): void {
    this.#statements.expire.run(beforeMs);
  }
}
