import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_TOKEN_RATE_LIMIT } from './server.js';

/** Everything main.ts reads from the environment, checked once at start. */
export interface GatewayConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  /** The AES-256 data key, and where it came from (for the start-up log). */
  dataKey: Buffer;
  dataKeySource: 'env' | 'file' | 'generated';
  dataKeyFile: string;
  seedPublishableKey: string | undefined;
  seedSecretKey: string | undefined;
  tokenRateLimit: number;
  publicUrl: string | undefined;
  benchRoutes: boolean;
  logLevel: string;
  networkLatencyMs: number;
  synchronous: 'FULL' | 'NORMAL';
}

export class ConfigError extends Error {}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer`);
  }
  return value;
}

/** DATABASE_URL: a path, `file:<path>` or `sqlite:<path>`; PostgreSQL is not in this build. */
function databaseFileFrom(url: string | undefined, dataDir: string): string {
  if (!url) return join(dataDir, 'gateway.sqlite');
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (/^[a-z]+:\/\//i.test(path)) {
    throw new ConfigError('DATABASE_URL: only SQLite files are supported (file:<path>)');
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
  return {
    port: positiveInt(env, 'PORT', 8787),
    host: env.HOST || 'localhost',
    dataDir,
    databaseFile: databaseFileFrom(env.DATABASE_URL, dataDir),
    dataKey: dataKey.key,
    dataKeySource: dataKey.source,
    dataKeyFile,
    seedPublishableKey: env.PAY_SEED_PUBLISHABLE_KEY || undefined,
    seedSecretKey: env.PAY_SEED_SECRET_KEY || undefined,
    tokenRateLimit: positiveInt(env, 'PAY_TOKEN_RATE_LIMIT', DEFAULT_TOKEN_RATE_LIMIT),
    publicUrl: env.PAY_PUBLIC_URL || undefined,
    benchRoutes: env.PAY_BENCH_ROUTES === '1',
    logLevel: env.LOG_LEVEL || 'info',
    networkLatencyMs: positiveInt(env, 'PAY_NETWORK_LATENCY_MS', 0),
    synchronous,
  };
}
