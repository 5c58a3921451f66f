import type pg from 'pg';
import type { TokenConsumeResult, TokenRecord } from '../storage.js';
import { rowToToken, tokenValues, type TokenRow } from '../rows.js';
import { query } from './transaction.js';
import type { Queryable } from './transaction.js';

/**
 * Card tokens: number and CVC arrive sealed (AES-256-GCM, see CardCipher) and stay so. Each
 * insert is its own commit (the server groups concurrent commits); a token's CVC is wiped when
 * it is used or expires.
 */
export class PostgresTokenStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async insert(token: TokenRecord): Promise<void> {
    await query(
      this.#pool,
      `INSERT INTO tokens (id, merchant_id, mode, brand, bin, last4, exp_month, exp_year,
         card_sealed, cvc_sealed, created_at, expires_at, used_at, networks_available,
         network_preferred)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      tokenValues(token),
    );
  }

  async get(id: string): Promise<TokenRecord | undefined> {
    const { rows } = await query<TokenRow>(this.#pool, 'SELECT * FROM tokens WHERE id = $1', [id]);
    return rows[0] && rowToToken(rows[0]);
  }

  /**
   * Inside the caller's transaction: marks the token used and wipes its CVC, only if it is
   * unused and unexpired at `nowMs`. The conditional UPDATE takes the row lock, so of two
   * instances consuming one token the second waits, re-reads the committed row and matches
   * nothing ('created' means consumed).
   */
  async consume(client: Queryable, id: string, nowMs: number): Promise<TokenConsumeResult> {
    const consumed = await client.query(
      `UPDATE tokens SET used_at = $1, cvc_sealed = NULL
        WHERE id = $2 AND used_at IS NULL AND expires_at > $1`,
      [nowMs, id],
    );
    if (consumed.rowCount === 1) return 'created';
    const { rows } = await client.query<{ used_at: number | null }>(
      'SELECT used_at FROM tokens WHERE id = $1',
      [id],
    );
    return rows[0] && rows[0].used_at === null ? 'expired' : 'already_used';
  }

  /** Inside the caller's transaction: the number of expired tokens whose CVC was wiped. */
  async wipeExpiredCvcs(client: Queryable, nowMs: number): Promise<number> {
    const wiped = await client.query(
      'UPDATE tokens SET cvc_sealed = NULL WHERE cvc_sealed IS NOT NULL AND expires_at <= $1',
      [nowMs],
    );
    return wiped.rowCount ?? 0;
  }
}
