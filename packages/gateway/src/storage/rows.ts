// The payments and tokens tables' rows, the same columns in SQLite and PostgreSQL, and how
// they map to the records the Storage interface speaks in: one mapping for both engines.
import type { Mode } from '../crypto/key-hash.js';
import type { PaymentRecord, TokenRecord } from './storage.js';
import type { TokenInsertRow } from './token-writer.js';

export interface PaymentRow {
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
  card_network: string | null;
  external_id: string | null;
  metadata: string;
  return_url: string | null;
  challenge_secret: string | null;
  error_code: string | null;
  created_at: number;
  updated_at: number;
}

export interface TokenRow {
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
  /** Space-separated network names ('' for none). */
  networks_available: string;
  network_preferred: string | null;
}

export function paymentToRow(p: PaymentRecord): Omit<PaymentRow, 'seq'> {
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
    card_network: p.card.network,
    external_id: p.externalId,
    metadata: JSON.stringify(p.metadata),
    return_url: p.returnUrl,
    challenge_secret: p.challengeSecret,
    error_code: p.errorCode,
    created_at: p.createdAtMs,
    updated_at: p.updatedAtMs,
  };
}

export function rowToPayment(row: PaymentRow): PaymentRecord {
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
      network: row.card_network,
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

export function rowToToken(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    mode: row.mode,
    brand: row.brand,
    bin: row.bin,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
    networksAvailable: row.networks_available.split(' ').filter(Boolean),
    networkPreferred: row.network_preferred,
    cardSealed: row.card_sealed,
    cvcSealed: row.cvc_sealed,
    createdAtMs: row.created_at,
    expiresAtMs: row.expires_at,
    usedAtMs: row.used_at,
  };
}

/** A token's values in the tokens table's column order, for an INSERT in either engine. */
export function tokenValues(token: TokenRecord): TokenInsertRow {
  return [
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
    token.networksAvailable.join(' '),
    token.networkPreferred,
  ];
}
