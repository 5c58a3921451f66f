import { Worker } from 'node:worker_threads';

interface Pending {
  row: Record<string, unknown>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for new tokens: rows that arrive while a batch is being committed wait and go
 * together in the next transaction, and each caller hears back only after its batch's commit.
 * The commits run in a worker thread with its own connection (WAL allows it), so fsync time is
 * not event-loop time.
 */
export class TokenWriter {
  readonly #worker: Worker;
  #queue: Pending[] = [];
  #inFlight: Pending[] | null = null;
  #scheduled = false;
  #seq = 0;
  #drained: (() => void) | null = null;
  #failed: Error | null = null;
  /** Settles when the worker has its connection open, or has failed to. */
  readonly ready: Promise<void>;

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
    this.#worker.on(
      'message',
      (answer: { ready: true } | { seq: number; errors: (string | null)[] | null }) => {
        if ('ready' in answer) {
          // Ref'd until now so that a process awaiting `ready` stays alive to hear it.
          if (!this.#inFlight) this.#worker.unref();
          opened();
        } else this.#settle(answer.errors);
      },
    );
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

  insert(row: Record<string, unknown>): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      if (!this.#scheduled && !this.#inFlight) {
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
    if (this.#inFlight || this.#queue.length === 0) {
      if (!this.#inFlight) this.#drained?.();
      return;
    }
    this.#inFlight = this.#queue;
    this.#queue = [];
    this.#worker.ref();
    this.#worker.postMessage({ seq: ++this.#seq, rows: this.#inFlight.map((p) => p.row) });
  }

  #settle(errors: (string | null)[] | null): void {
    const batch = this.#inFlight ?? [];
    this.#inFlight = null;
    this.#worker.unref();
    batch.forEach((pending, i) => {
      const error = errors?.[i];
      if (error) pending.reject(new Error(`token insert failed: ${error}`));
      else pending.resolve();
    });
    this.#send();
  }

  #fail(error: Error): void {
    this.#failed ??= error;
    for (const pending of [...(this.#inFlight ?? []), ...this.#queue]) pending.reject(error);
    this.#inFlight = null;
    this.#queue = [];
    this.#drained?.();
  }

  /** Commits what is queued, then stops the worker. */
  async close(): Promise<void> {
    if (this.#inFlight || this.#queue.length > 0) {
      await new Promise<void>((resolve) => {
        this.#drained = resolve;
        if (!this.#inFlight) this.#send();
      });
    }
    this.#failed ??= new Error('storage closed');
    this.#worker.removeAllListeners('exit');
    await this.#worker.terminate();
  }
}
