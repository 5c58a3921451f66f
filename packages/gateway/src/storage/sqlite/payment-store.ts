import type Database from 'better-sqlite3';
import type { Mode } from '../../crypto/key-hash.js';
import type { IdempotentAnswer, PaymentRecord, TokenConsumeResult } from '../storage.js';
import type { SqliteIdempotencyStore } from './idempotency-store.js';
import type { SqliteTokenStore } from './token-store.js';

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

export type PaymentPage = { payments: PaymentRecord[]; hasMore: boolean };

/**
 * Payments and their changes (capture, void, refund, 3-D Secure decision): each write is one
 * transaction with the token it consumes and the Idempotency-Key answer that describes it.
 */
export class SqlitePaymentStore {
  readonly #db: Database.Database;
  readonly #tokens: SqliteTokenStore;
  readonly #idempotency: SqliteIdempotencyStore;
  readonly #statements;

  constructor(
    db: Database.Database,
    tokens: SqliteTokenStore,
    idempotency: SqliteIdempotencyStore,
  ) {
    this.#db = db;
    this.#tokens = tokens;
    this.#idempotency = idempotency;
    this.#statements = {
      insert: db.prepare(
        `INSERT INTO payments (id, merchant_id, mode, token_id, status, amount, amount_captured,
           amount_refunded, currency, capture_method, card_brand, card_last4, card_exp_month,
           card_exp_year, external_id, metadata, return_url, challenge_secret, error_code,
           created_at, updated_at)
         VALUES (@id, @merchant_id, @mode, @token_id, @status, @amount, @amount_captured,
           @amount_refunded, @currency, @capture_method, @card_brand, @card_last4, @card_exp_month,
           @card_exp_year, @external_id, @metadata, @return_url, @challenge_secret, @error_code,
           @created_at, @updated_at)`,
      ),
      update: db.prepare(
        `UPDATE payments SET status = @status, amount_captured = @amount_captured,
           amount_refunded = @amount_refunded, error_code = @error_code, updated_at = @updated_at
         WHERE id = @id`,
      ),
      get: db.prepare<[string, string], PaymentRow>(
        `SELECT * FROM payments WHERE merchant_id = ? AND id = ?`,
      ),
      getById: db.prepare<[string], PaymentRow>(`SELECT * FROM payments WHERE id = ?`),
      list: db.prepare<[string, number, number], PaymentRow>(
        `SELECT * FROM payments WHERE merchant_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`,
      ),
    };
  }

  createWithToken(
    payment: PaymentRecord,
    nowMs: number,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): TokenConsumeResult {
    return this.#db
      .transaction((): TokenConsumeResult => {
        const consumed = this.#tokens.consume(payment.tokenId, nowMs);
        if (consumed !== 'created') return consumed;
        this.#statements.insert.run(paymentToRow(payment));
        if (answer) this.#idempotency.storeAnswer(answer, payment);
        return 'created';
      })
      .immediate();
  }

  get(merchantId: string, id: string): PaymentRecord | undefined {
    const row = this.#statements.get.get(merchantId, id);
    return row && rowToPayment(row);
  }

  getById(id: string): PaymentRecord | undefined {
    const row = this.#statements.getById.get(id);
    return row && rowToPayment(row);
  }

  list(merchantId: string, limit: number, startingAfter?: string): PaymentPage | undefined {
    let before = Number.MAX_SAFE_INTEGER;
    if (startingAfter !== undefined) {
      const cursor = this.#statements.get.get(merchantId, startingAfter);
      if (!cursor) return undefined;
      before = cursor.seq;
    }
    const rows = this.#statements.list.all(merchantId, before, limit + 1);
    return { payments: rows.slice(0, limit).map(rowToPayment), hasMore: rows.length > limit };
  }

  update(
    merchantId: string | undefined,
    id: string,
    change: (current: PaymentRecord) => PaymentRecord,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): PaymentRecord | undefined {
    return this.#db
      .transaction(() => {
        const row =
          merchantId === undefined
            ? this.#statements.getById.get(id)
            : this.#statements.get.get(merchantId, id);
        if (!row) return undefined;
        const next = change(rowToPayment(row));
        this.#statements.update.run(paymentToRow(next));
        if (answer) this.#idempotency.storeAnswer(answer, next);
        return next;
      })
      .immediate();
  }
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
