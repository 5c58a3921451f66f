import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from './config-error.js';
import { postgresChoiceFrom } from './database-url.js';
import type { StorageChoice } from './storage/open-storage.js';
import { DEFAULT_TOKEN_RATE_LIMIT, MERCHANT_RATE_LIMIT_MULTIPLE } from './token-rate-limit.js';

/** Everything main.ts reads from the environment, checked once at start. */
export interface GatewayConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  /** SQLite (the file above) unless DATABASE_URL names a PostgreSQL server. */
  storage: StorageChoice;
  /** The AES-256 data key, and where it came from (for the start-up log). */
  dataKey: Buffer;
  dataKeySource: 'env' | 'file' | 'generated';
  dataKeyFile: string;
  seedPublishableKey: string | undefined;
  seedSecretKey: string | undefined;
  /** Token requests per minute per client address. */
  tokenRateLimit: number;
  /** Tokens per minute per merchant, from all addresses. */
  tokenRateLimitPerMerchant: number;
  /** Fastify's trustProxy: false, true, or the proxies' addresses/CIDRs. */
  trustProxy: boolean | string[];
  publicUrl: string | undefined;
  benchRoutes: boolean;
  logLevel: string;
  networkLatencyMs: number;
  synchronous: 'FULL' | 'NORMAL';
}

export { ConfigError };

/** 0 or more: a latency of 0 ms, or port 0 (the system picks one). */
function nonNegativeInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer`);
  }
  return value;
}

function limit(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = nonNegativeInt(env, name, fallback);
  if (value < 1) throw new ConfigError(`${name} must be at least 1`);
  return value;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = nonNegativeInt(env, name, fallback);
  if (value > 65535) throw new ConfigError(`${name} must be a port number, 0 to 65535`);
  return value;
}

/** proxy-addr's names for ranges, as Fastify's trustProxy accepts them. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', range, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (range === undefined) return true;
  if (version === 4 && isIP(range) === 4) return true; // a netmask: 10.0.0.0/255.0.0.0
  return /^\d{1,3}$/.test(range) && Number(range) <= (version === 4 ? 32 : 128);
}

/**
 * PAY_TRUST_PROXY: `true`/`false`, or comma-separated proxy addresses and CIDRs (or loopback,
 * linklocal, uniquelocal). Checked here so a typo stops the start with a clear message instead
 * of trusting nothing, or everything.
 */
export function trustProxyFrom(raw: string | undefined): boolean | string[] {
  const value = (raw ?? '').trim();
  if (value === '' || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(value)) {
    // Fastify 5 treats a number as "trust nothing": it cannot tell a proxy from a client.
    throw new ConfigError(
      "PAY_TRUST_PROXY: a hop count is not supported (it lets clients spoof X-Forwarded-For); list the proxies' addresses or CIDRs",
    );
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isProxyEntry(entry));
  if (bad !== undefined) {
    throw new ConfigError(
      `PAY_TRUST_PROXY: "${bad}" is not true/false, an address, a CIDR, loopback, linklocal or uniquelocal`,
    );
  }
  return entries;
}

/** DATABASE_URL: a path, `file:<path>` or `sqlite:<path>` (postgres:// is read by database-url.ts). */
function databaseFileFrom(url: string | undefined, dataDir: string): string {
  if (!url || /^postgres(ql)?:/i.test(url)) return join(dataDir, 'gateway.sqlite');
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (/^[a-z]+:\/\//i.test(path)) {
    throw new ConfigError(
      'DATABASE_URL: use a SQLite file (file:<path>) or a PostgreSQL server (postgres://…)',
    );
  }
  return isAbsolute(path) ? path : resolve(path);
}

function loadDataKey(
  env: NodeJS.ProcessEnv,
  keyFile: string,
): { key: Buffer; source: GatewayConfig['dataKeySource'] } {
  const fromEnv = env.PAY_DATA_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new ConfigError('PAY_DATA_KEY must be 32 bytes, base64-encoded');
    return { key, source: 'env' };
  }
  if (existsSync(keyFile)) {
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new ConfigError(`${keyFile} does not hold a 32-byte base64 key`);
    return { key, source: 'file' };
  }
  // Sandbox convenience: a fresh key kept beside the database, readable only by this user.
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { key, source: 'generated' };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const dataDir = resolve(env.DATA_DIR || '.data');
  mkdirSync(dataDir, { recursive: true });
  const dataKeyFile = join(dataDir, 'data-key');
  const dataKey = loadDataKey(env, dataKeyFile);
  const synchronous = (env.PAY_SQLITE_SYNCHRONOUS || 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new ConfigError('PAY_SQLITE_SYNCHRONOUS must be FULL or NORMAL');
  }
  const tokenRateLimit = limit(env, 'PAY_TOKEN_RATE_LIMIT', DEFAULT_TOKEN_RATE_LIMIT);
  const databaseFile = databaseFileFrom(env.DATABASE_URL, dataDir);
  const postgres = postgresChoiceFrom(env.DATABASE_URL, limit(env, 'PAY_DATABASE_POOL_SIZE', 10));
  return {
    port: port(env, 'PORT', 8787),
    host: env.HOST || 'localhost',
    dataDir,
    databaseFile,
    storage: postgres ?? { engine: 'sqlite', file: databaseFile, synchronous },
    dataKey: dataKey.key,
    dataKeySource: dataKey.source,
    dataKeyFile,
    seedPublishableKey: env.PAY_SEED_PUBLISHABLE_KEY || undefined,
    seedSecretKey: env.PAY_SEED_SECRET_KEY || undefined,
    tokenRateLimit,
    tokenRateLimitPerMerchant: limit(
      env,
      'PAY_TOKEN_RATE_LIMIT_PER_MERCHANT',
      tokenRateLimit * MERCHANT_RATE_LIMIT_MULTIPLE,
    ),
    trustProxy: trustProxyFrom(env.PAY_TRUST_PROXY),
    publicUrl: env.PAY_PUBLIC_URL || undefined,
    benchRoutes: env.PAY_BENCH_ROUTES === '1',
    logLevel: env.LOG_LEVEL || 'info',
    networkLatencyMs: nonNegativeInt(env, 'PAY_NETWORK_LATENCY_MS', 0),
    synchronous,
  };
}
