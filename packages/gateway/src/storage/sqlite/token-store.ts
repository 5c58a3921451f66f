import type Database from 'better-sqlite3';
import type { TokenConsumeResult, TokenRecord } from '../storage.js';
import { rowToToken, tokenValues, type TokenRow } from '../rows.js';
import { TokenWriter } from '../token-writer.js';
import type { Synchronous } from './open-database.js';

/**
 * Card tokens: number and CVC arrive sealed (AES-256-GCM, see CardCipher) and stay so. Inserts
 * are group-committed by a worker thread; a token's CVC is wiped when it is used or expires.
 */
export class SqliteTokenStore {
  readonly #writer: TokenWriter;
  readonly #statements;

  /** Opens the token writer's own connection: call after the database is migrated. */
  constructor(db: Database.Database, file: string, synchronous: Synchronous) {
    this.#writer = new TokenWriter(file, synchronous);
    this.#statements = {
      get: db.prepare<[string], TokenRow>(`SELECT * FROM tokens WHERE id = ?`),
      consume: db.prepare<[number, string, number]>(
        `UPDATE tokens SET used_at = ?, cvc_sealed = NULL
          WHERE id = ? AND used_at IS NULL AND expires_at > ?`,
      ),
      wipeExpiredCvcs: db.prepare<[number]>(
        `UPDATE tokens SET cvc_sealed = NULL WHERE cvc_sealed IS NOT NULL AND expires_at <= ?`,
      ),
    };
  }

  /** Resolves once the token writer's connection is open; rejects if it could not open. */
  get ready(): Promise<void> {
    return this.#writer.ready;
  }

  /** Group commit in a worker thread: see TokenWriter. */
  insert(token: TokenRecord): Promise<void> {
    return this.#writer.insert(tokenValues(token));
  }

  get(id: string): TokenRecord | undefined {
    const row = this.#statements.get.get(id);
    return row && rowToToken(row);
  }

  /**
   * Inside the caller's transaction: marks the token used and wipes its CVC, only if it is
   * unused and unexpired at `nowMs`; otherwise says why not ('created' means consumed).
   */
  consume(id: string, nowMs: number): TokenConsumeResult {
    if (this.#statements.consume.run(nowMs, id, nowMs).changes === 1) return 'created';
    const token = this.#statements.get.get(id);
    return token && token.used_at === null ? 'expired' : 'already_used';
  }

  /** Inside the caller's transaction: the number of expired tokens whose CVC was wiped. */
  wipeExpiredCvcs(nowMs: number): number {
    return this.#statements.wipeExpiredCvcs.run(nowMs).changes;
  }

  close(): Promise<void> {
    return this.#writer.close();
  }
}
