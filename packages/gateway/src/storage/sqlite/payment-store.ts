import type Database from 'better-sqlite3';
import type { IdempotentAnswer, PaymentRecord, TokenConsumeResult } from '../storage.js';
import { paymentToRow, rowToPayment, type PaymentRow } from '../rows.js';
import type { SqliteIdempotencyStore } from './idempotency-store.js';
import type { SqliteTokenStore } from './token-store.js';

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
           card_exp_year, card_network, external_id, metadata, return_url, challenge_secret,
           error_code, created_at, updated_at)
         VALUES (@id, @merchant_id, @mode, @token_id, @status, @amount, @amount_captured,
           @amount_refunded, @currency, @capture_method, @card_brand, @card_last4, @card_exp_month,
           @card_exp_year, @card_network, @external_id, @metadata, @return_url,
           @challenge_secret, @error_code, @created_at, @updated_at)`,
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
