import type { CaptureMethod, PaymentStatus } from '@pay/protocol/payment-status';
import type { KeyKind, Mode } from '../crypto/key-hash.js';

export type { PaymentStatus };

/**
 * The one interface the routes use to reach storage. SQLite implements it here; another
 * engine (PostgreSQL) only has to keep the same promises: every method that changes state
 * is one transaction, and token consumption is atomic.
 */
export interface Storage {
  findApiKey(keyHash: string): Promise<ApiKeyRecord | undefined>;
  createMerchant(input: NewMerchant): Promise<string>;
  setMerchantActive(merchantId: string, active: boolean): Promise<void>;
  getMerchantName(merchantId: string): Promise<string | undefined>;
  findSeedMerchant(): Promise<SeedMerchant | undefined>;
  /** Replaces the merchant's keys of this kind and mode with exactly this one. */
  replaceApiKey(merchantId: string, key: NewApiKey): Promise<void>;
  /**
   * Adds `key`; the merchant's other keys of its kind and mode stop working at
   * `oldExpiresAtMs` (at once when that is not after `nowMs`). Every instance's key cache hears
   * of it.
   */
  rollApiKey(
    merchantId: string,
    key: NewApiKey,
    oldExpiresAtMs: number,
    nowMs: number,
  ): Promise<void>;

  /** Resolves once the token is durably committed (possibly in a batch with others). */
  insertToken(token: TokenRecord): Promise<void>;
  getToken(id: string): Promise<TokenRecord | undefined>;
  /**
   * Marks the token used and stores the payment in one transaction, only if the token is
   * still unused and unexpired at `nowMs`; otherwise nothing is written. With `answer`, the
   * same transaction stores the answer for the request's Idempotency-Key.
   */
  createPaymentWithToken(
    payment: PaymentRecord,
    nowMs: number,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<TokenConsumeResult>;
  getPayment(merchantId: string, id: string): Promise<PaymentRecord | undefined>;
  /** The 3-D Secure page knows the payment only by id and its challenge secret. */
  getPaymentById(id: string): Promise<PaymentRecord | undefined>;
  /** Newest first. `undefined` when `startingAfter` names no payment of this merchant. */
  listPayments(
    merchantId: string,
    limit: number,
    startingAfter?: string,
  ): Promise<{ payments: PaymentRecord[]; hasMore: boolean } | undefined>;
  /**
   * Reads the payment and writes what `change` returns, in one transaction. `change` may
   * throw to refuse (nothing is written). `undefined` when there is no such payment. With
   * `answer`, the same transaction stores the answer for the request's Idempotency-Key.
   */
  updatePayment(
    merchantId: string | undefined,
    id: string,
    change: (current: PaymentRecord) => PaymentRecord,
    answer?: IdempotentAnswer<PaymentRecord>,
  ): Promise<PaymentRecord | undefined>;

  /**
   * Claims the key (a committed row without an answer) or tells how it was used. Answers are
   * written in the transaction of the change they describe (see IdempotentAnswer), so a
   * claim without an answer never has a committed change behind it: after a crash the
   * store may release such claims once no request can still hold them.
   */
  beginIdempotentRequest(
    merchantId: string,
    key: string,
    requestHash: string,
    nowMs: number,
  ): Promise<IdempotencyState>;
  /** Stores the answer of a request that changed nothing (a refusal, an unknown token). */
  finishIdempotentRequest(
    merchantId: string,
    key: string,
    statusCode: number,
    body: string,
  ): Promise<void>;
  /** Releases an unanswered claim (the request failed in a way worth retrying). */
  abandonIdempotentRequest(merchantId: string, key: string): Promise<void>;

  /** Deletes CVCs of expired tokens and forgets idempotency keys older than a day. */
  sweep(nowMs: number): Promise<{ cvcsDeleted: number }>;
  /** Resolves when every connection is open and the store can take requests. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface ApiKeyRecord {
  merchantId: string;
  merchantActive: boolean;
  kind: KeyKind;
  mode: Mode;
  /** When a rolled key stops working (ms since the epoch); null: until rolled. */
  expiresAtMs: number | null;
}

export interface NewApiKey {
  kind: KeyKind;
  mode: Mode;
  key: string;
}

export interface NewMerchant {
  name: string;
  seed?: boolean;
  keys: NewApiKey[];
}

export interface SeedMerchant {
  id: string;
  /** Publishable keys are public and kept readable; secret keys only as a prefix. */
  keys: { kind: KeyKind; mode: Mode; display: string }[];
}

export interface TokenRecord {
  id: string;
  merchantId: string;
  mode: Mode;
  brand: string;
  bin: string;
  last4: string;
  /** The networks the card offers (network names, no digits): two for a co-badged card. */
  networksAvailable: string[];
  /** The network chosen when tokenizing; null when nobody chose. */
  networkPreferred: string | null;
  expMonth: number;
  expYear: number;
  /** AES-256-GCM of the number and cardholder name. */
  cardSealed: Buffer;
  /** AES-256-GCM of the CVC; null once the token is used or expired. */
  cvcSealed: Buffer | null;
  createdAtMs: number;
  expiresAtMs: number;
  usedAtMs: number | null;
}

export type TokenConsumeResult = 'created' | 'already_used' | 'expired';

export interface PaymentRecord {
  id: string;
  merchantId: string;
  mode: Mode;
  tokenId: string;
  status: PaymentStatus;
  /** Amounts in the currency's minor unit (cents), so no float ever reaches arithmetic. */
  amount: number;
  amountCaptured: number;
  amountRefunded: number;
  currency: string;
  captureMethod: CaptureMethod;
  /** `network`: the one the payment went through (null for a card of no known network). */
  card: { brand: string; last4: string; expMonth: number; expYear: number; network: string | null };
  externalId: string | null;
  metadata: Record<string, string>;
  returnUrl: string | null;
  /** Random secret in the 3-D Secure page's URL; null for payments without a challenge. */
  challengeSecret: string | null;
  errorCode: string | null;
  createdAtMs: number;
  updatedAtMs: number;
}

/**
 * The answer for a claimed Idempotency-Key, stored in the same transaction as the change it
 * describes: a crash leaves both or neither, so a retry never runs a committed change again.
 */
export interface IdempotentAnswer<T> {
  merchantId: string;
  key: string;
  /** Runs inside the transaction, on what it is about to commit. */
  render: (written: T) => { statusCode: number; body: string };
}

export type IdempotencyState =
  | { state: 'started' }
  | { state: 'in_progress' }
  | { state: 'mismatch' }
  | { state: 'done'; statusCode: number; body: string };
