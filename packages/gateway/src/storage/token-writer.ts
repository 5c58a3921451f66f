import { Worker } from 'node:worker_threads';

/** A tokens row, in the worker's column order (see token-writer.worker.mjs). */
export type TokenInsertRow = [
  id: string,
  merchantId: string,
  mode: string,
  brand: string,
  bin: string,
  last4: string,
  expMonth: number,
  expYear: number,
  cardSealed: Uint8Array,
  cvcSealed: Uint8Array | null,
  createdAt: number,
  expiresAt: number,
  usedAt: number | null,
  networksAvailable: string,
  networkPreferred: string | null,
];

interface Pending {
  row: TokenInsertRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type WorkerAnswer =
  { ready: true } | { answers: { seq: number; errors: (string | null)[] | null }[] };

/**
 * Group commit for new tokens: rows that arrive in one event-loop turn go to the worker as
 * one batch, and each caller hears back only after its batch's commit. Batches are pipelined:
 * the next one is sent while the worker still commits the previous, and the worker folds all
 * the batches waiting for it into its next transaction, so the gateway never waits for an
 * answer before it can hand over more rows. The commits run in a worker thread with its own
 * connection (WAL allows it), so fsync time is not event-loop time.
 */
export class TokenWriter {
  readonly #worker: Worker;
  #queue: Pending[] = [];
  /** Sent, not yet answered, by sequence number. */
  readonly #inFlight = new Map<number, Pending[]>();
  #scheduled = false;
  #seq = 0;
  #drained: (() => void) | null = null;
  #failed: Error | null = null;
  /** Settles when the worker has its connection open, or has failed to. */
  readonly ready: Promise<void>;
  #closing = false;

  constructor(file: string, synchronous: 'FULL' | 'NORMAL') {
    this.#worker = new Worker(new URL('./token-writer.worker.mjs', import.meta.url), {
      workerData: { file, synchronous },
      // Plain JavaScript: none of the parent's --import preloads (tsx, test fixtures).
      execArgv: [],
    });
    let opened!: () => void;
    let failed!: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    // Until the worker answers, a ready promise nobody awaits must not crash the process.
    this.ready.catch(() => undefined);
    this.#worker.on('message', (message: WorkerAnswer) => {
      if ('ready' in message) {
        // Ref'd until now so that a process awaiting `ready` stays alive to hear it.
        if (this.#inFlight.size === 0 && !this.#closing) this.#worker.unref();
        opened();
      } else for (const { seq, errors } of message.answers) this.#settle(seq, errors);
    });
    this.#worker.on('error', (error) => {
      failed(error);
      this.#fail(error);
    });
    this.#worker.on('exit', () => {
      const error = new Error('token writer stopped');
      failed(error);
      this.#fail(error);
    });
  }

  insert(row: TokenInsertRow): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // Let the rest of this event-loop turn add its rows to the same batch.
        setImmediate(() => {
          this.#scheduled = false;
          this.#send();
        });
      }
    });
  }

  #send(): void {
    if (this.#queue.length === 0 || this.#failed) return;
    const batch = this.#queue;
    this.#queue = [];
    const seq = ++this.#seq;
    this.#inFlight.set(seq, batch);
    this.#worker.ref();
    this.#worker.postMessage({ seq, rows: batch.map((p) => p.row) });
  }

  #settle(seq: number, errors: (string | null)[] | null): void {
    const batch = this.#inFlight.get(seq) ?? [];
    this.#inFlight.delete(seq);
    if (this.#inFlight.size === 0) {
      if (!this.#closing) this.#worker.unref();
      if (this.#queue.length === 0) this.#drained?.();
    }
    batch.forEach((pending, i) => {
      const error = errors?.[i];
      if (error) pending.reject(new Error(`token insert failed: ${error}`));
      else pending.resolve();
    });
  }

  #fail(error: Error): void {
    this.#failed ??= error;
    for (const batch of this.#inFlight.values()) for (const pending of batch) pending.reject(error);
    for (const pending of this.#queue) pending.reject(error);
    this.#inFlight.clear();
    this.#queue = [];
    this.#drained?.();
  }

  /** Commits what is queued, then stops the worker. */
  async close(): Promise<void> {
    // An idle writer is unref'd; closing must keep the process alive until the worker is gone
    // (and a late "ready" must not unref it again).
    this.#closing = true;
    this.#worker.ref();
    if (this.#inFlight.size > 0 || this.#queue.length > 0) {
      await new Promise<void>((resolve) => {
        this.#drained = resolve;
        this.#send();
      });
    }
    this.#failed ??= new Error('storage closed');
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}
