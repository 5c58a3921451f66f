// Commits batches of new tokens on its own SQLite connection, so the fsync of each commit
// (synchronous=FULL) never blocks the gateway's event loop. Plain JavaScript: worker threads
// do not inherit the TypeScript loader the gateway runs under.
import { Buffer } from 'node:buffer';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
// First, so that the pragmas after it wait out the gateway's own transactions.
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${workerData.synchronous}`);

// Rows arrive as arrays in this column order (cheaper to pass between threads than objects).
const insert = db.prepare(
  `INSERT INTO tokens (id, merchant_id, mode, brand, bin, last4, exp_month, exp_year,
     card_sealed, cvc_sealed, created_at, expires_at, used_at, networks_available,
     network_preferred)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const CARD_SEALED = 8;
const CVC_SEALED = 9;

// Structured cloning turns Buffers into Uint8Arrays; SQLite binds Buffers.
const asBuffer = (bytes) =>
  bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const bind = (row) => {
  row[CARD_SEALED] = asBuffer(row[CARD_SEALED]);
  row[CVC_SEALED] = asBuffer(row[CVC_SEALED]);
  return row;
};

const insertAll = db.transaction((batches) => {
  for (const { rows } of batches) for (const row of rows) insert.run(bind(row));
});

// The connection is open: the gateway may start taking requests.
parentPort.postMessage({ ready: true });

parentPort.on('message', (first) => {
  // Batches the gateway sent while the previous commit ran wait in the port: they all go in
  // this one transaction (one fsync), and each still hears back only after it commits.
  const batches = [first];
  for (let next; (next = receiveMessageOnPort(parentPort));) batches.push(next.message);
  try {
    insertAll.immediate(batches);
    parentPort.postMessage({ answers: batches.map(({ seq }) => ({ seq, errors: null })) });
  } catch {
    // One bad row must not fail its neighbours: retry each on its own.
    const answers = batches.map(({ seq, rows }) => ({
      seq,
      errors: rows.map((row) => {
        try {
          insert.run(bind(row));
          return null;
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      }),
    }));
    parentPort.postMessage({ answers });
  }
});
