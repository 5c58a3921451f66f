import type pg from 'pg';
import { hashKey, maskKey } from '../../crypto/key-hash.js';
import type { KeyKind, Mode } from '../../crypto/key-hash.js';
import { newId } from '../../ids.js';
import type { ApiKeyRecord, NewApiKey, NewMerchant, SeedMerchant } from '../storage.js';
import { query, transaction } from './transaction.js';
import type { Queryable } from './transaction.js';

/** Serialises seed-merchant creation when several instances start at once. */
const SEED_LOCK = 0x7061795f73656564n; // "pay_seed"

/**
 * Merchants and their API keys (publishable ones readable, secret ones hashed). Unlike the
 * SQLite store there is no key cache: another instance may deactivate a merchant or replace a
 * key at any moment, and a cache here could not hear of it.
 */
export class PostgresMerchantStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const { rows } = await query<{
      merchant_id: string;
      active: boolean;
      kind: KeyKind;
      mode: Mode;
    }>(
      this.#pool,
      `SELECT k.merchant_id, m.active, k.kind, k.mode
         FROM api_keys k JOIN merchants m ON m.id = k.merchant_id WHERE k.key_hash = $1`,
      [keyHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      merchantId: row.merchant_id,
      merchantActive: row.active,
      kind: row.kind,
      mode: row.mode,
    };
  }

  /**
   * A seed merchant is created once per database: an instance that finds one already made
   * (another instance started at the same moment) gives it the keys it was asked for instead.
   */
  async createMerchant(input: NewMerchant): Promise<string> {
    const now = Date.now();
    return transaction(this.#pool, async (client) => {
      if (input.seed) {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK.toString()]);
        const { rows } = await client.query<{ id: string }>(
          'SELECT id FROM merchants WHERE seed ORDER BY created_at LIMIT 1',
        );
        const existing = rows[0]?.id;
        if (existing) {
          for (const key of input.keys) await replaceKey(client, existing, key, now);
          return existing;
        }
      }
      const id = newId('mer');
      await client.query(
        'INSERT INTO merchants (id, name, seed, created_at) VALUES ($1, $2, $3, $4)',
        [id, input.name, input.seed === true, now],
      );
      for (const key of input.keys) await insertKey(client, id, key, now);
      return id;
    });
  }

  async setMerchantActive(merchantId: string, active: boolean): Promise<void> {
    await query(this.#pool, 'UPDATE merchants SET active = $1 WHERE id = $2', [active, merchantId]);
  }

  async getMerchantName(merchantId: string): Promise<string | undefined> {
    const { rows } = await query<{ name: string }>(
      this.#pool,
      'SELECT name FROM merchants WHERE id = $1',
      [merchantId],
    );
    return rows[0]?.name;
  }

  async findSeedMerchant(): Promise<SeedMerchant | undefined> {
    const merchant = await query<{ id: string }>(
      this.#pool,
      'SELECT id FROM merchants WHERE seed ORDER BY created_at LIMIT 1',
    );
    const id = merchant.rows[0]?.id;
    if (!id) return undefined;
    const keys = await query<{ kind: KeyKind; mode: Mode; display: string }>(
      this.#pool,
      'SELECT kind, mode, display FROM api_keys WHERE merchant_id = $1 ORDER BY kind, mode',
      [id],
    );
    return { id, keys: keys.rows };
  }

  async replaceApiKey(merchantId: string, key: NewApiKey): Promise<void> {
    await transaction(this.#pool, (client) => replaceKey(client, merchantId, key, Date.now()));
  }
}

async function insertKey(client: Queryable, merchantId: string, key: NewApiKey, now: number) {
  // Publishable keys are public (they sit in page HTML); secret keys are stored hashed.
  const display = key.kind === 'publishable' ? key.key : maskKey(key.key);
  await client.query(
    'INSERT INTO api_keys (key_hash, merchant_id, kind, mode, display, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [hashKey(key.key), merchantId, key.kind, key.mode, display, now],
  );
}

async function replaceKey(client: Queryable, merchantId: string, key: NewApiKey, now: number) {
  await client.query(
    'DELETE FROM api_keys WHERE (merchant_id = $1 AND kind = $2 AND mode = $3) OR key_hash = $4',
    [merchantId, key.kind, key.mode, hashKey(key.key)],
  );
  await insertKey(client, merchantId, key, now);
}
