import type pg from 'pg';
import { sweepExpired } from './postgres/expiry-sweep.js';
import { PostgresIdempotencyStore } from './postgres/idempotency-store.js';
import { PostgresMerchantStore } from './postgres/merchant-store.js';
import { migrate, openPool } from './postgres/open-pool.js';
import { PostgresPaymentStore } from './postgres/payment-store.js';
import { postgresTokenRateLimitStores } from './postgres/rate-limit-store.js';
import { PostgresTokenStore } from './postgres/token-store.js';
import { query } from './postgres/transaction.js';
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
import type { TokenRateLimitStores } from '../token-rate-limit.js';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections this instance opens at most (default 10). */
  poolSize?: number;
  /** Idle connections that fail (the server restarted) are reported here, not thrown. */
  onPoolError?: (error: Error) => void;
}

/**
 * PostgreSQL storage for one or several gateway instances over one database. Every money rule
 * is kept by the database (row locks, conditional updates, unique keys), never by this
 * process: each aggregate has its module in ./postgres/, as the SQLite ones in ./sqlite/.
 * Use `PostgresStorage.open`, which migrates before the first request.
 */
export class PostgresStorage implements Storage {
  readonly #pool: pg.Pool;
  readonly #merchants: PostgresMerchantStore;
  readonly #idempotency: PostgresIdempotencyStore;
  readonly #tokens: PostgresTokenStore;
  readonly #payments: PostgresPaymentStore;

  private constructor(pool: pg.Pool, url: string) {
    this.#pool = pool;
    this.#merchants = new PostgresMerchantStore(pool, url);
    this.#idempotency = new PostgresIdempotencyStore(pool);
    this.#tokens = new PostgresTokenStore(pool);
    this.#payments = new PostgresPaymentStore(pool, this.#tokens, this.#idempotency);
  }

  /** Connects and applies pending migrations (safe when several instances start at once). */
  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    const pool = openPool(
      { url: options.url, poolSize: options.poolSize ?? 10 },
      options.onPoolError ?? (() => undefined),
    );
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    const storage = new PostgresStorage(pool, options.url);
    // Key lookups are cached only once this instance hears of every change (LISTEN).
    await storage.#merchants.listen();
    return storage;
  }

  /** The /v1/tokens counters in the database, so the limits hold across instances. */
  tokenRateLimitStores(now: () => number): TokenRateLimitStores {
    return postgresTokenRateLimitStores(this.#pool, now);
  }

  findApiKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
    return this.#merchants.findApiKey(keyHash);
  }

  createMerchant(input: NewMerchant): Promise<string> {
    return this.#merchants.createMerchant(input);
  }

  setMerchantActive(merchantId: string, active: boolean): Promise<void> {
    return this.#merchants.setMerchantActive(merchantId, active);
  }

  getMerchantName(merchantId: string): Promise<string | undefined> {
    return this.#merchants.getMerchantName(merchantId);
  }

  findSeedMerchant(): Promise<SeedMerchant | undefined> {
    return this.#merchants.findSeedMerchant();
  }

  replaceApiKey(merchantId: string, key: NewApiKey): Promise<void> {
    return this.#merchants.replaceApiKey(merchantId, key);
  }

  rollApiKey(
    merchantId: string,
    key: NewApiKey,
    oldExpiresAtMs: number,
    nowMs: number,
  ): Promise<void> {
    return this.#merchants.rollApiKey(merchantId, key, oldExpiresAtMs, nowMs);
  }

  insertToken(token: TokenRecord): Promise<void> {
    return this.#tokens.insert(token);
  }

  getToken(id: string): Promise<TokenRecord | undefined> {
    return this.#tokens.get(id);
  }

  createPaymentWithToken(
    payment: PaymentRecord,
    nowMs: number,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<TokenConsumeResult> {
    return this.#payments.createWithToken(payment, nowMs, answer);
  }

  getPayment(merchantId: string, id: string): Promise<PaymentRecord | undefined> {
    return this.#payments.get(merchantId, id);
  }

  getPaymentById(id: string): Promise<PaymentRecord | undefined> {
    return this.#payments.getById(id);
  }

  listPayments(
    merchantId: string,
    limit: number,
    startingAfter?: string,
  ): Promise<{ payments: PaymentRecord[]; hasMore: boolean } | undefined> {
    return this.#payments.list(merchantId, limit, startingAfter);
  }

  updatePayment(
    merchantId: string | undefined,
    id: string,
    change: (current: PaymentRecord) => PaymentRecord,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<PaymentRecord | undefined> {
    return this.#payments.update(merchantId, id, change, answer);
  }

  beginIdempotentRequest(
    merchantId: string,
    key: string,
    requestHash: string,
    nowMs: number,
  ): Promise<IdempotencyState> {
    return this.#idempotency.begin(merchantId, key, requestHash, nowMs);
  }

  finishIdempotentRequest(
    merchantId: string,
    key: string,
    statusCode: number,
    body: string,
  ): Promise<void> {
    return this.#idempotency.finish(merchantId, key, statusCode, body);
  }

  abandonIdempotentRequest(merchantId: string, key: string): Promise<void> {
    return this.#idempotency.abandon(merchantId, key);
  }

  /** Run by one instance at a time (an advisory lock); the others skip the round. */
  async sweep(nowMs: number): Promise<{ cvcsDeleted: number }> {
    const { cvcsDeleted } = await sweepExpired(this.#pool, this.#tokens, this.#idempotency, nowMs);
    return { cvcsDeleted };
  }

  /** The pool answers: migrations ran in `open`. */
  async ready(): Promise<void> {
    await query(this.#pool, 'SELECT 1');
  }

  async close(): Promise<void> {
    await this.#merchants.close();
    await this.#pool.end();
  }
}
