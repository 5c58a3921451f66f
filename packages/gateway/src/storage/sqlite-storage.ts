import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { hashKey, maskKey } from '../crypto/key-hash.js';
import type { KeyKind, Mode } from '../crypto/key-hash.js';
import { newId } from '../ids.js';
import { migrations } from './sqlite-migrations.js';
import { TokenWriter } from './token-writer.js';
import type {
  ApiKeyRecord,
  IdempotencyState,
  IdempotentAnswer,
  NewApiKey,
  NewMerchant,
  PaymentRecord,
  SeedMerchant,
  Storage,
  TokenConsumeResult,
  TokenRecord,
} from './storage.js';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

interface TokenRow {
  id: string;
  merchant_id: string;
  mode: Mode;
  brand: string;
  bin: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  card_sealed: Buffer;
  cvc_sealed: Buffer | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

interface PaymentRow {
  seq: number;
  id: string;
  merchant_id: string;
  mode: Mode;
  token_id: string;
  status: PaymentRecord['status'];
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  capture_method: PaymentRecord['captureMethod'];
  card_brand: string;
  card_last4: string;
  card_exp_month: number;
  card_exp_year: number;
  external_id: string | null;
  metadata: string;
  return_url: string | null;
  challenge_secret: string | null;
  error_code: string | null;
  created_at: number;
  updated_at: number;
}

export interface SqliteOptions {
  /** Path of the database file. */
  file: string;
  /**
   * SQLite `synchronous` level. FULL (default) fsyncs every commit, so a committed token or
   * payment survives a power cut; group commit keeps that affordable on the token path.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

const KEY_CACHE_LIMIT = 10_000;

/** SQLite storage: one file, WAL, every state change in one transaction. */
export class SqliteStorage implements Storage {
  readonly #db: Database.Database;
  readonly #tokenWriter: TokenWriter;
  readonly #statements;
  /**
   * Key hash → what findApiKey found, for the per-request authentication. Every change to
   * keys or merchants goes through this object and empties it in the same synchronous step
   * as its commit, so no answer is ever given from a stale entry. (Like the idempotency
   * claims below, this assumes one gateway process per database file.)
   */
  readonly #keyCache = new Map<string, ApiKeyRecord>();

  constructor(options: SqliteOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.#db = new Database(options.file);
    // First, so that every later statement (these pragmas too) waits out a lock.
    this.#db.pragma('busy_timeout = 5000');
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.#db.pragma('foreign_keys = ON');
    // Deleted or overwritten cells (a used token's sealed CVC, a repaired key display) are
    // zeroed in their page, when that costs no extra I/O.
    this.#db.pragma('secure_delete = FAST');
    this.#migrate();
    // Every answer is committed with its change, so a key still unanswered belongs to a
    // request that committed nothing, and a process opening this file has no request running
    // yet: release them, and retries run once. (A store shared by several gateway instances
    // could not tell a crashed request from a running one; it would need a lease instead.)
    this.#db.prepare('DELETE FROM idempotency_keys WHERE status_code IS NULL').run();
    this.#tokenWriter = new TokenWriter(options.file, options.synchronous ?? 'FULL');
    const db = this.#db;
    this.#statements = {
      findApiKey: db.prepare<
        [string],
        { merchant_id: string; active: number; kind: KeyKind; mode: Mode }
      >(
        `SELECT k.merchant_id, m.active, k.kind, k.mode
           FROM api_keys k JOIN merchants m ON m.id = k.merchant_id WHERE k.key_hash = ?`,
      ),
      getToken: db.prepare<[string], TokenRow>(`SELECT * FROM tokens WHERE id = ?`),
      consumeToken: db.prepare<[number, string, number]>(
        `UPDATE tokens SET used_at = ?, cvc_sealed = NULL
          WHERE id = ? AND used_at IS NULL AND expires_at > ?`,
      ),
      wipeExpiredCvcs: db.prepare<[number]>(
        `UPDATE tokens SET cvc_sealed = NULL WHERE cvc_sealed IS NOT NULL AND expires_at <= ?`,
      ),
      insertPayment: db.prepare(
        `INSERT INTO payments (id, merchant_id, mode, token_id, status, amount, amount_captured,
           amount_refunded, currency, capture_method, card_brand, card_last4, card_exp_month,
           card_exp_year, external_id, metadata, return_url, challenge_secret, error_code,
           created_at, updated_at)
         VALUES (@id, @merchant_id, @mode, @token_id, @status, @amount, @amount_captured,
           @amount_refunded, @currency, @capture_method, @card_brand, @card_last4, @card_exp_month,
           @card_exp_year, @external_id, @metadata, @return_url, @challenge_secret, @error_code,
           @created_at, @updated_at)`,
      ),
      updatePayment: db.prepare(
        `UPDATE payments SET status = @status, amount_captured = @amount_captured,
           amount_refunded = @amount_refunded, error_code = @error_code, updated_at = @updated_at
         WHERE id = @id`,
      ),
      getPayment: db.prepare<[string, string], PaymentRow>(
        `SELECT * FROM payments WHERE merchant_id = ? AND id = ?`,
      ),
      getPaymentById: db.prepare<[string], PaymentRow>(`SELECT * FROM payments WHERE id = ?`),
      listPayments: db.prepare<[string, number, number], PaymentRow>(
        `SELECT * FROM payments WHERE merchant_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
      ),
      beginIdempotency: db.prepare<[string, string, string, number]>(
        `INSERT INTO idempotency_keys (merchant_id, key, request_hash, created_at)
         VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      getIdempotency: db.prepare<
        [string, string],
        { request_hash: string; status_code: number | null; body: string | null }
      >(
        `SELECT request_hash, status_code, body FROM idempotency_keys WHERE merchant_id = ? AND key = ?`,
      ),
      finishIdempotency: db.prepare<[number, string, string, string]>(
        `UPDATE idempotency_keys SET status_code = ?, body = ?
          WHERE merchant_id = ? AND key = ? AND status_code IS NULL`,
      ),
      abandonIdempotency: db.prepare<[string, string]>(
        `DELETE FROM idempotency_keys WHERE merchant_id = ? AND key = ? AND status_code IS NULL`,
      ),
      expireIdempotency: db.prepare<[number]>(`DELETE FROM idempotency_keys WHERE created_at < ?`),
    };
  }

  #migrate(): void {
    this.#db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
    const applied = new Set(
      this.#db
        .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
        .all()
        .map((row) => row.version),
    );
    let changed = false;
    migrations.forEach((sql, index) => {
      const version = index + 1;
      if (applied.has(version)) return;
      this.#db
        .transaction(() => {
          this.#db.exec(sql);
          this.#db.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(version);
        })
        .immediate();
      changed = true;
    });
    // A migration may have rewritten what must not stay readable (old key displays): fold the
    // WAL, with the page versions it held before, into the database and empty it. This runs
    // before the token writer opens its connection.
    if (changed) this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const cached = this.#keyCache.get(keyHash);
    if (cached) return cached;
    const row = this.#statements.findApiKey.get(keyHash);
    if (!row) return undefined;
    const record: ApiKeyRecord = Object.freeze({
      merchantId: row.merchant_id,
      merchantActive: row.active === 1,
      kind: row.kind,
      mode: row.mode,
    });
    // Only keys that exist are kept (unknown keys would let a caller grow the map), and the
    // map is bounded all the same.
    if (this.#keyCache.size >= KEY_CACHE_LIMIT) this.#keyCache.clear();
    this.#keyCache.set(keyHash, record);
    return record;
  }

  async createMerchant(input: NewMerchant): Promise<string> {
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

  async setMerchantActive(merchantId: string, active: boolean): Promise<void> {
    try {
      this.#db
        .prepare('UPDATE merchants SET active = ? WHERE id = ?')
        .run(active ? 1 : 0, merchantId);
    } finally {
      // Synchronous with the commit: no request can be authenticated from the old state.
      this.#keyCache.clear();
    }
  }

  async getMerchantName(merchantId: string): Promise<string | undefined> {
    return this.#db
      .prepare<[string], { name: string }>('SELECT name FROM merchants WHERE id = ?')
      .get(merchantId)?.name;
  }

  async findSeedMerchant(): Promise<SeedMerchant | undefined> {
    const merchant = this.#db
      .prepare<[], { id: string }>(
        'SELECT id FROM merchants WHERE seed = 1 ORDER BY created_at LIMIT 1',
      )
      .get();
    if (!merchant) return undefined;
    const keys = this.#db
      .prepare<[string], { kind: KeyKind; mode: Mode; display: string }>(
        'SELECT kind, mode, display FROM api_keys WHERE merchant_id = ? ORDER BY kind, mode',
      )
      .all(merchant.id);
    return { id: merchant.id, keys };
  }

  async replaceApiKey(merchantId: string, key: NewApiKey): Promise<void> {
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

  /** Resolves once the token writer's connection is open; rejects if it could not open. */
  ready(): Promise<void> {
    return this.#tokenWriter.ready;
  }

  /** Group commit in a worker thread: see TokenWriter. */
  insertToken(token: TokenRecord): Promise<void> {
    return this.#tokenWriter.insert([
      token.id,
      token.merchantId,
      token.mode,
      token.brand,
      token.bin,
      token.last4,
      token.expMonth,
      token.expYear,
      token.cardSealed,
      token.cvcSealed,
      token.createdAtMs,
      token.expiresAtMs,
      token.usedAtMs,
    ]);
  }

  async getToken(id: string): Promise<TokenRecord | undefined> {
    const row = this.#statements.getToken.get(id);
    return row && rowToToken(row);
  }

  async createPaymentWithToken(
    payment: PaymentRecord,
    nowMs: number,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<TokenConsumeResult> {
    return this.#db
      .transaction((): TokenConsumeResult => {
        const consumed = this.#statements.consumeToken.run(nowMs, payment.tokenId, nowMs);
        if (consumed.changes === 0) {
          const token = this.#statements.getToken.get(payment.tokenId);
          return token && token.used_at === null ? 'expired' : 'already_used';
        }
        this.#statements.insertPayment.run(paymentToRow(payment));
        if (answer) this.#storeAnswer(answer, payment);
        return 'created';
      })
      .immediate();
  }

  async getPayment(merchantId: string, id: string): Promise<PaymentRecord | undefined> {
    const row = this.#statements.getPayment.get(merchantId, id);
    return row && rowToPayment(row);
  }

  async getPaymentById(id: string): Promise<PaymentRecord | undefined> {
    const row = this.#statements.getPaymentById.get(id);
    return row && rowToPayment(row);
  }

  async listPayments(
    merchantId: string,
    limit: number,
    startingAfter?: string,
  ): Promise<{ payments: PaymentRecord[]; hasMore: boolean } | undefined> {
    let before = Number.MAX_SAFE_INTEGER;
    if (startingAfter !== undefined) {
      const cursor = this.#statements.getPayment.get(merchantId, startingAfter);
      if (!cursor) return undefined;
      before = cursor.seq;
    }
    const rows = this.#statements.listPayments.all(merchantId, before, limit + 1);
    return { payments: rows.slice(0, limit).map(rowToPayment), hasMore: rows.length > limit };
  }

  async updatePayment(
    merchantId: string | undefined,
    id: string,
    change: (current: PaymentRecord) => PaymentRecord,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<PaymentRecord | undefined> {
    return this.#db
      .transaction(() => {
        const row =
          merchantId === undefined
            ? this.#statements.getPaymentById.get(id)
            : this.#statements.getPayment.get(merchantId, id);
        if (!row) return undefined;
        const next = change(rowToPayment(row));
        this.#statements.updatePayment.run(paymentToRow(next));
        if (answer) this.#storeAnswer(answer, next);
        return next;
      })
      .immediate();
  }

  /** Inside a change's transaction: its answer, or (claim gone) a throw that rolls it back. */
  #storeAnswer<T>(answer: IdempotentAnswer<T>, written: T): void {
    const { statusCode, body } = answer.render(written);
    const stored = this.#statements.finishIdempotency.run(
      statusCode,
      body,
      answer.merchantId,
      answer.key,
    );
    if (stored.changes !== 1) throw new Error('The Idempotency-Key claim is gone');
  }

  async beginIdempotentRequest(
    merchantId: string,
    key: string,
    requestHash: string,
    nowMs: number,
  ): Promise<IdempotencyState> {
    return this.#db
      .transaction((): IdempotencyState => {
        const inserted = this.#statements.beginIdempotency.run(merchantId, key, requestHash, nowMs);
        if (inserted.changes === 1) return { state: 'started' };
        const row = this.#statements.getIdempotency.get(merchantId, key);
        if (!row) return { state: 'in_progress' };
        if (row.request_hash !== requestHash) return { state: 'mismatch' };
        if (row.status_code === null || row.body === null) return { state: 'in_progress' };
        return { state: 'done', statusCode: row.status_code, body: row.body };
      })
      .immediate();
  }

  async finishIdempotentRequest(
    merchantId: string,
    key: string,
    statusCode: number,
    body: string,
  ): Promise<void> {
    this.#statements.finishIdempotency.run(statusCode, body, merchantId, key);
  }

  async abandonIdempotentRequest(merchantId: string, key: string): Promise<void> {
    this.#statements.abandonIdempotency.run(merchantId, key);
  }

  async sweep(nowMs: number): Promise<{ cvcsDeleted: number }> {
    return this.#db
      .transaction(() => {
        const wiped = this.#statements.wipeExpiredCvcs.run(nowMs);
        this.#statements.expireIdempotency.run(nowMs - IDEMPOTENCY_TTL_MS);
        return { cvcsDeleted: wiped.changes };
      })
      .immediate();
  }

  async close(): Promise<void> {
    await this.#tokenWriter.close();
    this.#db.close();
  }
}

function rowToToken(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    mode: row.mode,
    brand: row.brand,
    bin: row.bin,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
    cardSealed: row.card_sealed,
    cvcSealed: row.cvc_sealed,
    createdAtMs: row.created_at,
    expiresAtMs: row.expires_at,
    usedAtMs: row.used_at,
  };
}

function paymentToRow(p: PaymentRecord): Omit<PaymentRow, 'seq'> {
  return {
    id: p.id,
    merchant_id: p.merchantId,
    mode: p.mode,
    token_id: p.tokenId,
    status: p.status,
    amount: p.amount,
    amount_captured: p.amountCaptured,
    amount_refunded: p.amountRefunded,
    currency: p.currency,
    capture_method: p.captureMethod,
    card_brand: p.card.brand,
    card_last4: p.card.last4,
    card_exp_month: p.card.expMonth,
    card_exp_year: p.card.expYear,
    external_id: p.externalId,
    metadata: JSON.stringify(p.metadata),
    return_url: p.returnUrl,
    challenge_secret: p.challengeSecret,
    error_code: p.errorCode,
    created_at: p.createdAtMs,
    updated_at: p.updatedAtMs,
  };
}

function rowToPayment(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    mode: row.mode,
    tokenId: row.token_id,
    status: row.status,
    amount: row.amount,
    amountCaptured: row.amount_captured,
    amountRefunded: row.amount_refunded,
    currency: row.currency,
    captureMethod: row.capture_method,
    card: {
      brand: row.card_brand,
      last4: row.card_last4,
      expMonth: row.card_exp_month,
      expYear: row.card_exp_year,
    },
    externalId: row.external_id,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    returnUrl: row.return_url,
    challengeSecret: row.challenge_secret,
    errorCode: row.error_code,
    createdAtMs: row.created_at,
    updatedAtMs: row.updated_at,
  };
}
