/**
 * Schema versions, applied in order, each in its own transaction. Append only: a shipped
 * migration is never edited.
 */
export const migrations: string[] = [
  `
  CREATE TABLE merchants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    seed INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE api_keys (
    key_hash TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    kind TEXT NOT NULL CHECK (kind IN ('publishable', 'secret')),
    mode TEXT NOT NULL CHECK (mode IN ('test', 'live')),
    display TEXT NOT NULL,
    created_at INTEGER NOT NULL
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
    card_sealed BLOB NOT NULL,
    cvc_sealed BLOB,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX tokens_cvc_expiry ON tokens(expires_at) WHERE cvc_sealed IS NOT NULL;
  CREATE TABLE payments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    mode TEXT NOT NULL,
    token_id TEXT NOT NULL UNIQUE REFERENCES tokens(id),
    status TEXT NOT NULL,
    amount INTEGER NOT NULL,
    amount_captured INTEGER NOT NULL,
    amount_refunded INTEGER NOT NULL,
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
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX payments_merchant_seq ON payments(merchant_id, seq);
  CREATE TABLE idempotency_keys (
    merchant_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER,
    body TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (merchant_id, key)
  );
  `,
  // 2: secret key displays kept their first 12 characters: the whole of a short chosen key
  // (sk_test_e2e). Only the hash of the rest is kept, so the display keeps the prefix alone.
  `
  UPDATE api_keys SET display = substr(display, 1, 8) || '…' WHERE kind = 'secret';
  `,
  // 3: tokens kept a 6-digit bin beside last4 whatever the number's length, 10 of its 12
  // digits for a short Maestro. A row does not say its number's length (only the sealed card
  // does), so each bin is cut for the shortest number its brand allows (card-disclosure.ts):
  // 16 digits for Visa, Mastercard, Discover and JCB, 15 for Amex, 14 for Diners and UnionPay,
  // 12 for any other. Nothing reads a stored bin back, so a bin cut too short costs nothing.
  `
  UPDATE tokens SET bin = substr(bin, 1, CASE brand
    WHEN 'visa' THEN 6 WHEN 'mastercard' THEN 6 WHEN 'discover' THEN 6 WHEN 'jcb' THEN 6
    WHEN 'amex' THEN 5
    WHEN 'diners' THEN 4 WHEN 'unionpay' THEN 4
    ELSE 2 END);
  `,
  // 4: card networks (co-badged cards). A token keeps the networks its card offers and the one
  // chosen; a payment the network it went through. Older tokens offered their brand alone.
  `
  ALTER TABLE tokens ADD COLUMN networks_available TEXT NOT NULL DEFAULT '';
  ALTER TABLE tokens ADD COLUMN network_preferred TEXT;
  UPDATE tokens SET networks_available = brand WHERE brand <> 'unknown';
  ALTER TABLE payments ADD COLUMN card_network TEXT;
  UPDATE payments SET card_network = card_brand WHERE card_brand <> 'unknown';
  `,
  // 5: a rolled key may live on until expires_at (ms since the epoch; NULL: no end).
  `
  ALTER TABLE api_keys ADD COLUMN expires_at INTEGER;
  `,
];
