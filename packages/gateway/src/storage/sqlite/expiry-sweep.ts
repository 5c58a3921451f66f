import type Database from 'better-sqlite3';
import type { SqliteIdempotencyStore } from './idempotency-store.js';
import type { SqliteTokenStore } from './token-store.js';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** One transaction: expired tokens lose their CVC, idempotency keys older than a day go. */
export function sweepExpired(
  db: Database.Database,
  tokens: SqliteTokenStore,
  idempotency: SqliteIdempotencyStore,
  nowMs: number,
): { cvcsDeleted: number } {
  return db
    .transaction(() => {
      const cvcsDeleted = tokens.wipeExpiredCvcs(nowMs);
      idempotency.expire(nowMs - IDEMPOTENCY_TTL_MS);
      return { cvcsDeleted };
    })
    .immediate();
}
