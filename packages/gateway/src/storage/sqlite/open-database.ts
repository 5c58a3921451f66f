import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

export type Synchronous = 'FULL' | 'NORMAL';

/** Opens (creating if need be) the database file with the gateway's pragmas, migrated. */
export function openDatabase(file: string, synchronous: Synchronous): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // First, so that every later statement (these pragmas too) waits out a lock.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  // Deleted or overwritten cells (a used token's sealed CVC, a repaired key display) are
  // zeroed in their page, when that costs no extra I/O.
  db.pragma('secure_delete = FAST');
  migrate(db);
  return db;
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  let changed = false;
  migrations.forEach((sql, index) => {
    const version = index + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(version);
    }).immediate();
    changed = true;
  });
  // A migration may have rewritten what must not stay readable (old key displays): fold the
  // WAL, with the page versions it held before, into the database and empty it. This runs
  // before the token writer opens its connection.
  if (changed) db.pragma('wal_checkpoint(TRUNCATE)');
}
