// Commits batches of new tokens on its own SQLite connection, so the fsync of each commit
// (synchronous=FULL) never blocks the gateway's event loop. Plain JavaScript: worker threads
// do not inherit the TypeScript loader the gateway runs under.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
// First, so that the pragmas after it wait out the gateway's own transactions.
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${workerData.synchronous}`);

const insert = db.prepare(
  `INSERT INTO tokens (id, merchant_id, mode, brand, bin, last4, exp_month, exp_year,
     card_sealed, cvc_sealed, created_at, expires_at, used_at)
   VALUES (@id, @merchant_id, @mode, @brand, @bin, @last4, @exp_month, @exp_year,
     @card_sealed, @cvc_sealed, @created_at, @expires_at, @used_at)`,
);

// Structured cloning turns Buffers into Uint8Arrays; SQLite binds Buffers.
const asBuffer = (bytes) =>
  bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const bind = (row) => ({
  ...row,
  card_sealed: asBuffer(row.card_sealed),
  cvc_sealed: asBuffer(row.cvc_sealed),
});

const insertAll = db.transaction((rows) => {
  for (const row of rows) insert.run(bind(row));
});

// The connection is open: the gateway may start taking requests.
parentPort.postMessage({ ready: true });

parentPort.on('message', ({ seq, rows }) => {
  try {
    insertAll.immediate(rows);
    parentPort.postMessage({ seq, errors: null });
  } catch {
    // One bad row must not fail its neighbours: retry each on its own.
    const errors = rows.map((row) => {
      try {
        insert.run(bind(row));
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    });
    parentPort.postMessage({ seq, errors });
  }
});
