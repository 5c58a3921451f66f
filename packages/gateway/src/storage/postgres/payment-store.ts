import type pg from 'pg';
import type { IdempotentAnswer, PaymentRecord, TokenConsumeResult } from '../storage.js';
import { paymentToRow, rowToPayment, type PaymentRow } from '../rows.js';
import type { PostgresIdempotencyStore } from './idempotency-store.js';
import type { PostgresTokenStore } from './token-store.js';
import { query, transaction } from './transaction.js';

export type PaymentPage = { payments: PaymentRecord[]; hasMore: boolean };

/**
 * Payments and their changes (capture, void, refund, 3-D Secure decision). Each write is one
 * transaction with the token it consumes and the Idempotency-Key answer that describes it;
 * a change reads its payment with SELECT … FOR UPDATE, so when two instances capture and void
 * one authorization the second waits for the first's commit and decides on what it wrote.
 */
export class PostgresPaymentStore {
  readonly #pool: pg.Pool;
  readonly #tokens: PostgresTokenStore;
  readonly #idempotency: PostgresIdempotencyStore;

  constructor(pool: pg.Pool, tokens: PostgresTokenStore, idempotency: PostgresIdempotencyStore) {
    this.#pool = pool;
    this.#tokens = tokens;
    this.#idempotency = idempotency;
  }

  createWithToken(
    payment: PaymentRecord,
    nowMs: number,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<TokenConsumeResult> {
    return transaction(this.#pool, async (client): Promise<TokenConsumeResult> => {
      const consumed = await this.#tokens.consume(client, payment.tokenId, nowMs);
      if (consumed !== 'created') return consumed;
      const row = paymentToRow(payment);
      const columns = Object.keys(row);
      await client.query(
        `INSERT INTO payments (${columns.join(', ')})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
      if (answer) await this.#idempotency.storeAnswer(client, answer, payment);
      return 'created';
    });
  }

  async get(merchantId: string, id: string): Promise<PaymentRecord | undefined> {
    const { rows } = await query<PaymentRow>(
      this.#pool,
      'SELECT * FROM payments WHERE merchant_id = $1 AND id = $2',
      [merchantId, id],
    );
    return rows[0] && rowToPayment(rows[0]);
  }

  async getById(id: string): Promise<PaymentRecord | undefined> {
    const { rows } = await query<PaymentRow>(this.#pool, 'SELECT * FROM payments WHERE id = $1', [
      id,
    ]);
    return rows[0] && rowToPayment(rows[0]);
  }

  async list(
    merchantId: string,
    limit: number,
    startingAfter?: string,
  ): Promise<PaymentPage | undefined> {
    let before = Number.MAX_SAFE_INTEGER;
    if (startingAfter !== undefined) {
      const cursor = await query<{ seq: number }>(
        this.#pool,
        'SELECT seq FROM payments WHERE merchant_id = $1 AND id = $2',
        [merchantId, startingAfter],
      );
      const seq = cursor.rows[0]?.seq;
      if (seq === undefined) return undefined;
      before = seq;
    }
    const { rows } = await query<PaymentRow>(
      this.#pool,
      'SELECT * FROM payments WHERE merchant_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3',
      [merchantId, before, limit + 1],
    );
    return { payments: rows.slice(0, limit).map(rowToPayment), hasMore: rows.length > limit };
  }

  update(
    merchantId: string | undefined,
    id: string,
    change: (current: PaymentRecord) => PaymentRecord,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<PaymentRecord | undefined> {
    return transaction(this.#pool, async (client) => {
      const { rows } =
        merchantId === undefined
          ? await client.query<PaymentRow>('SELECT * FROM payments WHERE id = $1 FOR UPDATE', [id])
          : await client.query<PaymentRow>(
              'SELECT * FROM payments WHERE merchant_id = $1 AND id = $2 FOR UPDATE',
              [merchantId, id],
            );
      if (!rows[0]) return undefined;
      const next = change(rowToPayment(rows[0]));
      await client.query(
        `UPDATE payments SET status = $1, amount_captured = $2, amount_refunded = $3,
           error_code = $4, updated_at = $5
         WHERE id = $6`,
        [
          next.status,
          next.amountCaptured,
          next.amountRefunded,
          next.errorCode,
          next.updatedAtMs,
          id,
        ],
      );
      if (answer) await this.#idempotency.storeAnswer(client, answer, next);
      return next;
    });
  }
}
