/** One request counted in a bucket's current window. */
export interface RateLimitHit {
  /** False once the window holds more than `max` requests. */
  allowed: boolean;
  /** Time until the window ends and the bucket starts again from zero. */
  resetMs: number;
}

/**
 * Fixed-window request counters. An interface so the counters can move to a database shared
 * by several gateway instances; the in-memory store below serves one process.
 */
export interface RateLimitStore {
  /** Counts one request in `bucket` (a window of `windowMs` starts at its first request). */
  hit(bucket: string, windowMs: number, max: number): Promise<RateLimitHit>;
}

interface Window {
  count: number;
  resetAt: number;
}

export interface MemoryRateLimitStoreOptions {
  /** Most buckets held at once (default: no bound, for keys only authenticated callers make). */
  maxBuckets?: number;
  /** Milliseconds since the epoch (the gateway's clock, which tests move by hand). */
  now?: () => number;
}

/**
 * Buckets in a Map kept in window-start order: a bucket moves to the end when its window
 * restarts, so (with one window length per store) the first entries are the first to expire.
 * New buckets drop expired ones from the front and, past `maxBuckets`, the oldest live one
 * (the nearest to its reset).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, Window>();
  readonly #maxBuckets: number;
  readonly #now: () => number;

  constructor({ maxBuckets = Infinity, now = Date.now }: MemoryRateLimitStoreOptions = {}) {
    if (!(maxBuckets >= 1)) throw new RangeError('maxBuckets must be at least 1');
    this.#maxBuckets = maxBuckets;
    this.#now = now;
  }

  /** Buckets currently held. */
  get size(): number {
    return this.#windows.size;
  }

  has(bucket: string): boolean {
    return this.#windows.has(bucket);
  }

  hit(bucket: string, windowMs: number, max: number): Promise<RateLimitHit> {
    const now = this.#now();
    let window = this.#windows.get(bucket);
    if (window === undefined || window.resetAt <= now) {
      this.#windows.delete(bucket);
      this.#makeRoom(now);
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(bucket, window);
    }
    window.count += 1;
    return Promise.resolve({ allowed: window.count <= max, resetMs: window.resetAt - now });
  }

  #makeRoom(now: number): void {
    for (const [bucket, window] of this.#windows) {
      if (window.resetAt > now && this.#windows.size < this.#maxBuckets) return;
      this.#windows.delete(bucket);
    }
  }
}
