import type pg from 'pg';
import type { PostgresIdempotencyStore } from './idempotency-store.js';
import type { PostgresTokenStore } from './token-store.js';
import { transaction } from './transaction.js';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Held for the sweep's transaction: every instance runs the timer, one sweeps at a time. */
const SWEEP_LOCK = 0x7061795f7377n; // "pay_sw"

/**
 * One transaction: expired tokens lose their CVC, idempotency keys older than a day and
 * ended rate-limit windows go. An instance that finds another sweeping skips this round.
 */
export function sweepExpired(
  pool: pg.Pool,
  tokens: PostgresTokenStore,
  idempotency: PostgresIdempotencyStore,
  nowMs: number,
): Promise<{ cvcsDeleted: number; skipped: boolean }> {
  return transaction(pool, async (client) => {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [SWEEP_LOCK.toString()],
    );
    if (!rows[0]?.locked) return { cvcsDeleted: 0, skipped: true };
    const cvcsDeleted = await tokens.wipeExpiredCvcs(client, nowMs);
    await idempotency.expire(client, nowMs - IDEMPOTENCY_TTL_MS);
    await client.query('DELETE FROM rate_limit_windows WHERE reset_at <= $1', [nowMs]);
    return { cvcsDeleted, skipped: false };
  });
}
