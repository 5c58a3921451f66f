import pg from 'pg';
import { hashKey, maskKey } from '../../crypto/key-hash.js';
import type { KeyKind, Mode } from '../../crypto/key-hash.js';
import { newId } from '../../ids.js';
import type { ApiKeyRecord, NewApiKey, NewMerchant, SeedMerchant } from '../storage.js';
import { query, transaction } from './transaction.js';
import type { Queryable } from './transaction.js';

/** Serialises seed-merchant creation when several instances start at once. */
const SEED_LOCK = 0x7061795f73656564n; // "pay_seed"
/** The channel migration 3's triggers notify on any change to api_keys or merchants. */
const KEYS_CHANNEL = 'pay_keys_changed';
const KEY_CACHE_LIMIT = 10_000;
/** A lost listening connection is opened again after this long. */
const RELISTEN_MS = 500;

/**
 * Merchants and their API keys (publishable ones readable, secret ones hashed). Key lookups are
 * cached in this instance, and any change to keys or merchants, made by any instance or by
 * hand in the database, empties every instance's cache: triggers notify a channel this store
 * listens on (LISTEN/NOTIFY, delivered at commit). While it is not listening (not yet
 * connected, or the connection was lost) it caches nothing, and it empties the cache whenever
 * it starts listening again, so a notification it missed can leave nothing stale behind.
 */
export class PostgresMerchantStore {
  readonly #pool: pg.Pool;
  readonly #url: string;
  readonly #cache = new Map<string, ApiKeyRecord>();
  /** Moves on every change heard of: a lookup that saw it move keeps its answer to itself. */
  #generation = 0;
  #listener: pg.Client | null = null;
  #listening = false;
  #closed = false;
  #relisten: NodeJS.Timeout | null = null;

  constructor(pool: pg.Pool, url: string) {
    this.#pool = pool;
    this.#url = url;
  }

  /** Opens the listening connection; resolves once it listens (or failed, then retries). */
  async listen(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({
      connectionString: this.#url,
      application_name: 'pay-gateway-keys',
    });
    const lost = () => {
      if (this.#listener !== client) return;
      this.#listener = null;
      this.#listening = false;
      this.#invalidate();
      client.end().catch(() => undefined);
      if (!this.#closed && !this.#relisten) {
        this.#relisten = setTimeout(() => {
          this.#relisten = null;
          void this.listen();
        }, RELISTEN_MS);
        this.#relisten.unref();
      }
    };
    this.#listener = client;
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.#invalidate());
    try {
      await client.connect();
      await client.query(`LISTEN ${KEYS_CHANNEL}`);
    } catch {
      lost();
      return;
    }
    if (this.#listener !== client) return;
    // Whatever changed while nobody listened: start from nothing.
    this.#invalidate();
    this.#listening = true;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#relisten) clearTimeout(this.#relisten);
    const client = this.#listener;
    this.#listener = null;
    this.#listening = false;
    await client?.end().catch(() => undefined);
  }

  #invalidate(): void {
    this.#generation += 1;
    this.#cache.clear();
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const cached = this.#cache.get(keyHash);
    if (cached) return cached;
    const generation = this.#generation;
    const { rows } = await query<{
      merchant_id: string;
      active: boolean;
      kind: KeyKind;
      mode: Mode;
      expires_at: number | null;
    }>(
      this.#pool,
      `SELECT k.merchant_id, m.active, k.kind, k.mode, k.expires_at
         FROM api_keys k JOIN merchants m ON m.id = k.merchant_id WHERE k.key_hash = $1`,
      [keyHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    const record: ApiKeyRecord = Object.freeze({
      merchantId: row.merchant_id,
      merchantActive: row.active,
      kind: row.kind,
      mode: row.mode,
      expiresAtMs: row.expires_at,
    });
    // Only keys that exist (unknown ones would let callers grow the map), only while
    // listening, and only if no change was heard of while the row was read.
    if (this.#listening && generation === this.#generation) {
      if (this.#cache.size >= KEY_CACHE_LIMIT) this.#cache.clear();
      this.#cache.set(keyHash, record);
    }
    return record;
  }

  /**
   * A seed merchant is created once per database: an instance that finds one already made
   * (another instance started at the same moment) gives it the keys it was asked for instead.
   */
  async createMerchant(input: NewMerchant): Promise<string> {
    const now = Date.now();
    return this.#changing(() =>
      transaction(this.#pool, async (client) => {
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
      }),
    );
  }

  /**
   * This instance's own changes empty its cache as they commit, without waiting for the
   * notification: the next request here sees them.
   */
  async #changing<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      this.#invalidate();
    }
  }

  async setMerchantActive(merchantId: string, active: boolean): Promise<void> {
    await this.#changing(() =>
      query(this.#pool, 'UPDATE merchants SET active = $1 WHERE id = $2', [active, merchantId]),
    );
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
      // The current key of each kind and mode first, before any rolled one still running out.
      `SELECT kind, mode, display FROM api_keys WHERE merchant_id = $1
        ORDER BY kind, mode, expires_at IS NOT NULL`,
      [id],
    );
    return { id, keys: keys.rows };
  }

  async replaceApiKey(merchantId: string, key: NewApiKey): Promise<void> {
    await this.#changing(() =>
      transaction(this.#pool, (client) => replaceKey(client, merchantId, key, Date.now())),
    );
  }

  async rollApiKey(
    merchantId: string,
    key: NewApiKey,
    oldExpiresAtMs: number,
    nowMs: number,
  ): Promise<void> {
    await this.#changing(() =>
      transaction(this.#pool, async (client) => {
        // Keys rolled before and already over go; the current ones run out at oldExpiresAtMs.
        await client.query(
          `DELETE FROM api_keys WHERE merchant_id = $1 AND kind = $2 AND mode = $3
             AND ($5::bigint <= $4 OR expires_at <= $4)`,
          [merchantId, key.kind, key.mode, nowMs, oldExpiresAtMs],
        );
        await client.query(
          `UPDATE api_keys SET expires_at = LEAST(COALESCE(expires_at, $4::bigint), $4::bigint)
            WHERE merchant_id = $1 AND kind = $2 AND mode = $3`,
          [merchantId, key.kind, key.mode, oldExpiresAtMs],
        );
        await insertKey(client, merchantId, key, nowMs);
      }),
    );
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
