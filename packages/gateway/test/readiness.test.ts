import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { CardCipher } from '../src/crypto/card-cipher.js';
import { createLogger } from '../src/logger.js';
import { buildServer } from '../src/server.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { TokenWriter } from '../src/storage/token-writer.js';

/** The same storage with another ready(); every other method runs on the real one. */
function withReady(storage: SqliteStorage, ready: () => Promise<void>): SqliteStorage {
  return new Proxy(storage, {
    get(target, name, receiver) {
      if (name === 'ready') return ready;
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

const quietLogger = () =>
  createLogger({ stream: new Writable({ write: (_c, _e, cb) => cb() }) }) as FastifyBaseLogger;

describe('start-up: the gateway answers only once storage is ready', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-ready-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the token writer says when its connection is open, and when it could not open', async () => {
    const storage = new SqliteStorage({ file: join(dir, 'ok.sqlite') });
    await storage.ready();
    await storage.close();
    const broken = new TokenWriter(join(dir, 'no', 'such', 'dir', 'x.sqlite'), 'FULL');
    await assert.rejects(broken.ready);
    await assert.rejects(
      broken.insert([
        'tok_1',
        'mer_1',
        'test',
        'visa',
        '424242',
        '4242',
        12,
        2040,
        new Uint8Array(1),
        null,
        0,
        1,
        null,
        'visa',
        null,
      ]),
    );
    await broken.close();
  });

  it('listen() binds only after storage.ready() resolves', async () => {
    const storage = new SqliteStorage({ file: join(dir, 'gate.sqlite') });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The same storage, with a ready() the test releases by hand.
    const gated = withReady(storage, () => gate.then(() => storage.ready()));
    const app = await buildServer({
      storage: gated,
      cipher: new CardCipher(randomBytes(32)),
      logger: quietLogger(),
    });
    try {
      const listening = app.listen({ port: 0, host: '127.0.0.1' });
      for (let i = 0; i < 20; i++) await nextTurn();
      assert.equal(app.server.listening, false, 'listening before storage was ready');
      open();
      await listening;
      assert.equal(app.server.listening, true);
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    } finally {
      await app.close();
      await storage.close();
    }
  });

  it('listen() fails, rather than answer 500s, when storage cannot get ready', async () => {
    const storage = new SqliteStorage({ file: join(dir, 'fail.sqlite') });
    const failing = withReady(storage, () =>
      Promise.reject(new Error('token writer could not open')),
    );
    const app = await buildServer({
      storage: failing,
      cipher: new CardCipher(randomBytes(32)),
      logger: quietLogger(),
    });
    try {
      await assert.rejects(app.listen({ port: 0, host: '127.0.0.1' }), /could not open/);
      assert.equal(app.server.listening, false);
    } finally {
      await app.close().catch(() => undefined);
      await storage.close();
    }
  });
});
