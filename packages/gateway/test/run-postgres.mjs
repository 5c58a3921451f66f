// The API suite on PostgreSQL (GATEWAY_STORAGE=postgres, TEST_DATABASE_URL from
// scripts/with-postgres.mjs), plus the PostgreSQL-only tests in test/postgres/. Files that
// open the SQLite file itself test that engine alone and stay out.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

const SQLITE_ONLY = new Set([
  'at-rest.test.ts', // reads the SQLite file's bytes (test/postgres/at-rest covers PostgreSQL)
  'card-disclosure.test.ts', // migrates an old SQLite file
  'crash-recovery.test.ts', // SIGKILL and reopen of one SQLite file
  'idempotent-commit.test.ts', // SqliteStorage directly
  'key-display.test.ts', // migrates an old SQLite file
  'readiness.test.ts', // the SQLite token writer's worker thread
]);

const files = [
  ...readdirSync('test')
    .filter((f) => f.endsWith('.test.ts') && !SQLITE_ONLY.has(f))
    .map((f) => `test/${f}`),
  ...readdirSync('test/postgres')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/postgres/${f}`),
].sort();

const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, GATEWAY_STORAGE: 'postgres' } },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
