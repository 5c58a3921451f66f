import type Database from 'better-sqlite3';
import { hashKey, maskKey } from '../../crypto/key-hash.js';
import type { KeyKind, Mode } from '../../crypto/key-hash.js';
import { newId } from '../../ids.js';
import type { ApiKeyRecord, NewApiKey, NewMerchant, SeedMerchant } from '../storage.js';

const KEY_CACHE_LIMIT = 10_000;

/** Merchants and their API keys (publishable ones readable, secret ones hashed). */
export class SqliteMerchantStore {
  readonly #db: Database.Database;
  readonly #findApiKey;
  /**
   * Key hash → what findApiKey found, for the per-request authentication. Every change to
   * keys or merchants goes through this object and empties it in the same synchronous step
   * as its commit, so no answer is ever given from a stale entry. (Like the idempotency
   * claims, this assumes one gateway process per database file.)
   */
  readonly #keyCache = new Map<string, ApiKeyRecord>();

  constructor(db: Database.Database) {
    this.#db = db;
    this.#findApiKey = db.prepare<
      [string],
      { merchant_id: string; active: number; kind: KeyKind; mode: Mode; expires_at: number | null }
    >(
      `SELECT k.merchant_id, m.active, k.kind, k.mode, k.expires_at
         FROM api_keys k JOIN merchants m ON m.id = k.merchant_id WHERE k.key_hash = ?`,
    );
  }

  findApiKey(keyHash: string): ApiKeyRecord | undefined {
    const cached = this.#keyCache.get(keyHash);
    if (cached) return cached;
    const row = this.#findApiKey.get(keyHash);
    if (!row) return undefined;
    const record: ApiKeyRecord = Object.freeze({
      merchantId: row.merchant_id,
      merchantActive: row.active === 1,
      kind: row.kind,
      mode: row.mode,
      expiresAtMs: row.expires_at,
    });
    // Only keys that exist are kept (unknown keys would let a caller grow the map), and the
    // map is bounded all the same.
    if (this.#keyCache.size >= KEY_CACHE_LIMIT) this.#keyCache.clear();
    this.#keyCache.set(keyHash, record);
    return record;
  }

  createMerchant(input: NewMerchant): string {
    const id = newId('mer');
    const now = Date.now();
    this.#db
      .transaction(() => {
        this.#db
          .prepare('INSERT INTO merchants (id, name, seed, created_at) VALUES (?, ?, ?, ?)')
          .run(id, input.name, input.seed ? 1 : 0, now);
        for (const key of input.keys) this.#insertKey(id, key, now);
      })
      .immediate();
    return id;
  }

  #insertKey(merchantId: string, key: NewApiKey, now: number): void {
    // Publishable keys are public (they sit in page HTML); secret keys are stored hashed.
    const display = key.kind === 'publishable' ? key.key : maskKey(key.key);
    this.#db
      .prepare(
        'INSERT INTO api_keys (key_hash, merchant_id, kind, mode, display, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(hashKey(key.key), merchantId, key.kind, key.mode, display, now);
  }

  setMerchantActive(merchantId: string, active: boolean): void {
    try {
      this.#db
        .prepare('UPDATE merchants SET active = ? WHERE id = ?')
        .run(active ? 1 : 0, merchantId);
    } finally {
      // Synchronous with the commit: no request can be authenticated from the old state.
      this.#keyCache.clear();
    }
  }

  getMerchantName(merchantId: string): string | undefined {
    return this.#db
      .prepare<[string], { name: string }>('SELECT name FROM merchants WHERE id = ?')
      .get(merchantId)?.name;
  }

  findSeedMerchant(): SeedMerchant | undefined {
    const merchant = this.#db
      .prepare<[], { id: string }>(
        'SELECT id FROM merchants WHERE seed = 1 ORDER BY created_at LIMIT 1',
      )
      .get();
    if (!merchant) return undefined;
    const keys = this.#db
      .prepare<[string], { kind: KeyKind; mode: Mode; display: string }>(
        // The current key of each kind and mode first, before any rolled one running out.
        `SELECT kind, mode, display FROM api_keys WHERE merchant_id = ?
          ORDER BY kind, mode, expires_at IS NOT NULL`,
      )
      .all(merchant.id);
    return { id: merchant.id, keys };
  }

  replaceApiKey(merchantId: string, key: NewApiKey): void {
    this.#db
      .transaction(() => {
        const hash = hashKey(key.key);
        this.#db
          .prepare(
            'DELETE FROM api_keys WHERE (merchant_id = ? AND kind = ? AND mode = ?) OR key_hash = ?',
          )
          .run(merchantId, key.kind, key.mode, hash);
        this.#insertKey(merchantId, key, Date.now());
      })
      .immediate();
    this.#keyCache.clear();
  }

  rollApiKey(merchantId: string, key: NewApiKey, oldExpiresAtMs: number, nowMs: number): void {
    try {
      this.#db
        .transaction(() => {
          // Keys rolled before and already over go; the current ones run out at oldExpiresAtMs.
          this.#db
            .prepare(
              `DELETE FROM api_keys WHERE merchant_id = ? AND kind = ? AND mode = ?
                 AND (? <= ? OR expires_at <= ?)`,
            )
            .run(merchantId, key.kind, key.mode, oldExpiresAtMs, nowMs, nowMs);
          this.#db
            .prepare(
              `UPDATE api_keys SET expires_at = min(coalesce(expires_at, ?), ?)
                WHERE merchant_id = ? AND kind = ? AND mode = ?`,
            )
            .run(oldExpiresAtMs, oldExpiresAtMs, merchantId, key.kind, key.mode);
          this.#insertKey(merchantId, key, nowMs);
        })
        .immediate();
    } finally {
      this.#keyCache.clear();
    }
  }
}
