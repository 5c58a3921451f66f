/**
 * PostgreSQL schema versions, applied in order, each in its own transaction under an advisory
 * lock (see open-pool.ts). Append only: a shipped migration is never edited. Times are
 * milliseconds since the epoch (BIGINT), as in SQLite, so records read the same on both.
 */
export const postgresMigrations: string[] = [
  `
  CREATE TABLE merchants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    seed BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE api_keys (
    key_hash TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    kind TEXT NOT NULL CHECK (kind IN ('publishable', 'secret')),
    mode TEXT NOT NULL CHECK (mode IN ('test', 'live')),
    display TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX api_keys_merchant ON api_keys(merchant_id);
  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    mode TEXT NOT NULL,
    brand TEXT NOT NULL,
    bin TEXT NOT NULL,
    last4 TEXT NOT NULL,
    exp_month INTEGER NOT NULL,
    exp_year INTEGER NOT NULL,
    card_sealed BYTEA NOT NULL,
    cvc_sealed BYTEA,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
  );
  CREATE INDEX tokens_cvc_expiry ON tokens(expires_at) WHERE cvc_sealed IS NOT NULL;
  CREATE TABLE payments (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    mode TEXT NOT NULL,
    token_id TEXT NOT NULL UNIQUE REFERENCES tokens(id),
    status TEXT NOT NULL,
    amount BIGINT NOT NULL,
    amount_captured BIGINT NOT NULL CHECK (amount_captured BETWEEN 0 AND amount),
    amount_refunded BIGINT NOT NULL CHECK (amount_refunded BETWEEN 0 AND amount_captured),
    currency TEXT NOT NULL,
    capture_method TEXT NOT NULL,
    card_brand TEXT NOT NULL,
    card_last4 TEXT NOT NULL,
    card_exp_month INTEGER NOT NULL,
    card_exp_year INTEGER NOT NULL,
    external_id TEXT,
    metadata TEXT NOT NULL,
    return_url TEXT,
    challenge_secret TEXT,
    error_code TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE INDEX payments_merchant_seq ON payments(merchant_id, seq);
  -- claimed_at is the database's own clock: the lease of an unanswered claim (idempotency-store.ts).
  CREATE TABLE idempotency_keys (
    merchant_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER,
    body TEXT,
    created_at BIGINT NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (merchant_id, key)
  );
  CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
  -- The /v1/tokens fixed windows, shared by every instance; scope is 'address' or 'merchant'.
  CREATE TABLE rate_limit_windows (
    scope TEXT NOT NULL,
    bucket TEXT NOT NULL,
    count INTEGER NOT NULL,
    reset_at BIGINT NOT NULL,
    PRIMARY KEY (scope, bucket)
  );
  CREATE INDEX rate_limit_windows_reset ON rate_limit_windows(reset_at);
  `,
  // 2: card networks (co-badged cards). A token keeps the networks its card offers and the one
  // chosen; a payment the network it went through. Older tokens offered their brand alone.
  `
  ALTER TABLE tokens ADD COLUMN networks_available TEXT NOT NULL DEFAULT '';
  ALTER TABLE tokens ADD COLUMN network_preferred TEXT;
  UPDATE tokens SET networks_available = brand WHERE brand <> 'unknown';
  ALTER TABLE payments ADD COLUMN card_network TEXT;
  UPDATE payments SET card_network = card_brand WHERE card_brand <> 'unknown';
  `,
  // 3: rate-limit counters reset every minute and need not survive a crash: UNLOGGED, they
  // write no WAL and wait for no fsync. A rolled key may live on until expires_at. Any change
  // to keys or merchants (through the gateway or by hand) tells every instance's key cache.
  `
  ALTER TABLE rate_limit_windows SET UNLOGGED;
  ALTER TABLE api_keys ADD COLUMN expires_at BIGINT;
  CREATE FUNCTION pay_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('pay_keys_changed', ''); RETURN NULL; END $$;
  CREATE TRIGGER api_keys_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION pay_keys_changed();
  CREATE TRIGGER merchants_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON merchants
    FOR EACH STATEMENT EXECUTE FUNCTION pay_keys_changed();
  `,
];
