import type Database from 'better-sqlite3';
import { sweepExpired } from './sqlite/expiry-sweep.js';
import { SqliteIdempotencyStore } from './sqlite/idempotency-store.js';
import { SqliteMerchantStore } from './sqlite/merchant-store.js';
import { openDatabase } from './sqlite/open-database.js';
import type { Synchronous } from './sqlite/open-database.js';
import { SqlitePaymentStore } from './sqlite/payment-store.js';
import { SqliteTokenStore } from './sqlite/token-store.js';
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

export interface SqliteOptions {
  /** Path of the database file. */
  file: string;
  /**
   * SQLite `synchronous` level. FULL (default) fsyncs every commit, so a committed token or
   * payment survives a power cut; group commit keeps that affordable on the token path.
   */
  synchronous?: Synchronous;
}

/**
 * SQLite storage: one file, WAL, every state change in one transaction. Each aggregate has
 * its own module in ./sqlite/ (merchants and keys, tokens, payments, idempotency, the expiry
 * sweep); this class opens the database, composes them and keeps the Storage promises.
 */
export class SqliteStorage implements Storage {
  readonly #db: Database.Database;
  readonly #merchants: SqliteMerchantStore;
  readonly #idempotency: SqliteIdempotencyStore;
  readonly #tokens: SqliteTokenStore;
  readonly #payments: SqlitePaymentStore;

  constructor(options: SqliteOptions) {
    const synchronous = options.synchronous ?? 'FULL';
    this.#db = openDatabase(options.file, synchronous);
    this.#merchants = new SqliteMerchantStore(this.#db);
    // Releases unanswered claims before any request can make one.
    this.#idempotency = new SqliteIdempotencyStore(this.#db);
    // Its writer opens a second connection: only once migrations are done.
    this.#tokens = new SqliteTokenStore(this.#db, options.file, synchronous);
    this.#payments = new SqlitePaymentStore(this.#db, this.#tokens, this.#idempotency);
  }

  async findApiKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
    return this.#merchants.findApiKey(keyHash);
  }

  async createMerchant(input: NewMerchant): Promise<string> {
    return this.#merchants.createMerchant(input);
  }

  async setMerchantActive(merchantId: string, active: boolean): Promise<void> {
    this.#merchants.setMerchantActive(merchantId, active);
  }

  async getMerchantName(merchantId: string): Promise<string | undefined> {
    return this.#merchants.getMerchantName(merchantId);
  }

  async findSeedMerchant(): Promise<SeedMerchant | undefined> {
    return this.#merchants.findSeedMerchant();
  }

  async replaceApiKey(merchantId: string, key: NewApiKey): Promise<void> {
    this.#merchants.replaceApiKey(merchantId, key);
  }

  async rollApiKey(
    merchantId: string,
    key: NewApiKey,
    oldExpiresAtMs: number,
    nowMs: number,
  ): Promise<void> {
    this.#merchants.rollApiKey(merchantId, key, oldExpiresAtMs, nowMs);
  }

  /** Resolves once the token writer's connection is open; rejects if it could not open. */
  ready(): Promise<void> {
    return this.#tokens.ready;
  }

  insertToken(token: TokenRecord): Promise<void> {
    return this.#tokens.insert(token);
  }

  async getToken(id: string): Promise<TokenRecord | undefined> {
    return this.#tokens.get(id);
  }

  async createPaymentWithToken(
    payment: PaymentRecord,
    nowMs: number,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<TokenConsumeResult> {
    return this.#payments.createWithToken(payment, nowMs, answer);
  }

  async getPayment(merchantId: string, id: string): Promise<PaymentRecord | undefined> {
    return this.#payments.get(merchantId, id);
  }

  async getPaymentById(id: string): Promise<PaymentRecord | undefined> {
    return this.#payments.getById(id);
  }

  async listPayments(
    merchantId: string,
    limit: number,
    startingAfter?: string,
  ): Promise<{ payments: PaymentRecord[]; hasMore: boolean } | undefined> {
    return this.#payments.list(merchantId, limit, startingAfter);
  }

  async updatePayment(
    merchantId: string | undefined,
    id: string,
    change: (current: PaymentRecord) => PaymentRecord,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<PaymentRecord | undefined> {
    return this.#payments.update(merchantId, id, change, answer);
  }

  async beginIdempotentRequest(
    merchantId: string,
    key: string,
    requestHash: string,
    nowMs: number,
  ): Promise<IdempotencyState> {
    return this.#idempotency.begin(merchantId, key, requestHash, nowMs);
  }

  async finishIdempotentRequest(
    merchantId: string,
    key: string,
    statusCode: number,
    body: string,
  ): Promise<void> {
    this.#idempotency.finish(merchantId, key, statusCode, body);
  }

  async abandonIdempotentRequest(merchantId: string, key: string): Promise<void> {
    this.#idempotency.abandon(merchantId, key);
  }

  async sweep(nowMs: number): Promise<{ cvcsDeleted: number }> {
    return sweepExpired(this.#db, this.#tokens, this.#idempotency, nowMs);
  }

  async close(): Promise<void> {
    await this.#tokens.close();
    this.#db.close();
  }
}
