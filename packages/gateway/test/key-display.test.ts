import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { maskKey } from '../src/crypto/key-hash.js';
import { seedMerchant } from '../src/seed.js';
import { migrations } from '../src/storage/sqlite/migrations.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';

/** The database file, its WAL and shared memory, as raw text. */
function rawBytes(file: string): string {
  return ['', '-wal', '-shm']
    .map((suffix) => `${file}${suffix}`)
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

function displays(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { display: string }>("SELECT display FROM api_keys WHERE kind = 'secret'")
      .all()
      .map((row) => row.display);
  } finally {
    db.close();
  }
}

describe('secret keys at rest: hashed, and a display that never gives the key away', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-keys-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('maskKey keeps the prefix and at most 4 characters, never over a third of the rest', () => {
    assert.equal(maskKey('sk_test_e2e'), 'sk_test_…e');
    assert.equal(maskKey('sk_test_ab'), 'sk_test_…');
    assert.equal(maskKey('sk_live_security_suite_0f3a9c2e7d41b6'), 'sk_live_…41b6');
    assert.equal(maskKey(`sk_test_${'0'.repeat(44)}9abc`), 'sk_test_…9abc');
  });

  it('a short chosen key (sk_test_e2e) is nowhere in the file: not in a cell, not in raw bytes', async () => {
    const file = join(dir, 'short.sqlite');
    const storage = new SqliteStorage({ file });
    await seedMerchant(storage, { publishableKey: 'pk_test_e2e', secretKey: 'sk_test_e2e' });
    // Restart with the same key given again (replaceApiKey), as every e2e run does.
    await storage.close();
    const again = new SqliteStorage({ file });
    await seedMerchant(again, { secretKey: 'sk_test_e2e' });
    assert.deepEqual(displays(file), ['sk_test_…e']);
    assert.ok(!rawBytes(file).includes('sk_test_e2e'), 'the secret key is in the raw bytes');
    await again.close();
  });

  it('repairs displays written by the first schema when the file is opened', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec(migrations[0] ?? '');
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)');
    old.exec('INSERT INTO schema_migrations VALUES (1)');
    old.exec("INSERT INTO merchants (id, name, seed, created_at) VALUES ('mer_1', 'Old', 1, 0)");
    // What the first version stored: the key's first 12 characters, here all of it.
    old
      .prepare("INSERT INTO api_keys VALUES ('hash', 'mer_1', 'secret', 'test', 'sk_test_e2e…', 0)")
      .run();
    old.close();
    assert.ok(rawBytes(file).includes('sk_test_e2e'));

    const storage = new SqliteStorage({ file });
    try {
      assert.deepEqual(displays(file), ['sk_test_…']);
      assert.ok(!rawBytes(file).includes('sk_test_e2e'), 'the old display is still in the file');
    } finally {
      await storage.close();
    }
  });
});
