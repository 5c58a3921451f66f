import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Clock } from '../src/clock.js';
import { CardCipher } from '../src/crypto/card-cipher.js';
import { generateKey } from '../src/crypto/key-hash.js';
import { createLogger } from '../src/logger.js';
import { seedMerchant } from '../src/seed.js';
import { buildServer } from '../src/server.js';
import type { GatewayOptions } from '../src/server.js';
import type { Storage } from '../src/storage/storage.js';
import { openStorageUnderTest } from './storage-under-test.js';

/** A clock the test moves by hand (token expiry without waiting 30 minutes). */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start = Date.now()) {
    this.#ms = start;
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface Gateway {
  url: string;
  dir: string;
  databaseFile: string;
  dataKey: Buffer;
  /** SQLite, or PostgreSQL under GATEWAY_STORAGE=postgres (see storage-under-test.ts). */
  storage: Storage;
  /** The SQLite file, or the PostgreSQL database's URL. */
  databaseLocation: string;
  clock: ManualClock;
  app: FastifyInstance;
  merchantId: string;
  pk: string;
  sk: string;
  /** Everything the gateway logged so far, as text. */
  logs(): string;
  api<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: {
      key?: string | null;
      body?: unknown;
      raw?: string;
      headers?: Record<string, string>;
    },
  ): Promise<ApiAnswer<T>>;
  tokenize(number: string, extra?: Partial<Record<string, unknown>>, key?: string): Promise<string>;
  pay(token: string, body?: Record<string, unknown>, key?: string): Promise<ApiAnswer>;
  /** A second merchant with its own keys (test and live). */
  addMerchant(): Promise<{ id: string; pk: string; sk: string; pkLive: string; skLive: string }>;
  close(): Promise<void>;
}

export const testCard = { exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, cvc: '739' };

/** A real gateway: temp SQLite file, real listening socket on port 0, captured logs. */
export async function startGateway({
  synchronous = 'NORMAL',
  ...options
}: Partial<Omit<GatewayOptions, 'storage' | 'cipher'>> & {
  /** FULL is the product default; NORMAL spares the shared test machine thousands of fsyncs. */
  synchronous?: 'FULL' | 'NORMAL';
} = {}): Promise<Gateway> {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
  const databaseFile = join(dir, 'gateway.sqlite');
  const dataKey = randomBytes(32);
  const clock = new ManualClock();
  const underTest = await openStorageUnderTest(dir, synchronous, () => clock.now().getTime());
  const storage = underTest.storage;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  const seed = await seedMerchant(storage, {});
  const app = await buildServer({
    storage,
    cipher: new CardCipher(dataKey),
    clock,
    logger: createLogger({ level: 'info', stream }) as FastifyBaseLogger,
    frameDir: join(dir, 'frame-dist'),
    sdkDir: join(dir, 'sdk-dist'),
    npmDir: join(dir, 'npm-dist'),
    ...(underTest.tokenRateLimitStores
      ? { tokenRateLimitStores: underTest.tokenRateLimitStores }
      : {}),
    ...options,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;
  const pk = seed.publishableKey;
  const sk = seed.secretKey ?? '';

  const gateway: Gateway = {
    url,
    dir,
    databaseFile,
    databaseLocation: underTest.location,
    dataKey,
    storage,
    clock,
    app,
    merchantId: seed.merchantId,
    pk,
    sk,
    logs: () => lines.join(''),
    async api(method, path, { key = sk, body, raw, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      const h = init.headers as Record<string, string>;
      if (key !== null) h.authorization = `Bearer ${key}`;
      if (raw !== undefined) {
        init.body = raw;
      } else if (body !== undefined) {
        init.body = JSON.stringify(body);
        h['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${url}${path}`, init);
      const text = await response.text();
      let parsed: unknown = undefined;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, headers: response.headers, body: parsed as never, text };
    },
    async tokenize(number, extra = {}, key = pk) {
      const answer = await gateway.api<{ id: string }>('POST', '/v1/tokens', {
        key,
        body: { card: { number, ...testCard, ...extra } },
      });
      if (answer.status !== 201) throw new Error(`tokenize ${answer.status} ${answer.text}`);
      return answer.body.id;
    },
    pay(token, body = {}, key = sk) {
      return gateway.api('POST', '/v1/payments', {
        key,
        body: { amount: 10, currency: 'usd', token, ...body },
      });
    },
    async addMerchant() {
      const keys = {
        pk: generateKey('publishable', 'test'),
        sk: generateKey('secret', 'test'),
        pkLive: generateKey('publishable', 'live'),
        skLive: generateKey('secret', 'live'),
      };
      const id = await storage.createMerchant({
        name: 'Another shop',
        keys: [
          { kind: 'publishable', mode: 'test', key: keys.pk },
          { kind: 'secret', mode: 'test', key: keys.sk },
          { kind: 'publishable', mode: 'live', key: keys.pkLive },
          { kind: 'secret', mode: 'live', key: keys.skLive },
        ],
      });
      return { id, ...keys };
    },
    async close() {
      await app.close();
      await underTest.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return gateway;
}

/** The documented error body, checked field by field. */
export function errorOf(answer: ApiAnswer): {
  type: string;
  code: string;
  message: string;
  param?: string;
  request_id: string;
} {
  const error = (answer.body as { error?: unknown }).error;
  if (!error || typeof error !== 'object') throw new Error(`not an error body: ${answer.text}`);
  return error as never;
}
