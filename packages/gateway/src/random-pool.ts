import { randomFillSync } from 'node:crypto';

// One call to the CSPRNG fills many values' worth of bytes, and each byte is handed out once
// before the pool is refilled: the same randomness as a randomBytes call per value, without
// its per-call cost on the hot path (ids, IVs).
const pool = Buffer.allocUnsafe(8192);
let offset = pool.length;

function take(length: number): number {
  if (length > pool.length) throw new RangeError('random pool: too many bytes at once');
  if (offset + length > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const start = offset;
  offset += length;
  return start;
}

/** `length` fresh CSPRNG bytes, copied out of the pool. */
export function pooledRandomBytes(length: number): Buffer {
  const start = take(length);
  return Buffer.from(pool.subarray(start, start + length));
}

/** `length` fresh CSPRNG bytes as hex. */
export function pooledRandomHex(length: number): string {
  const start = take(length);
  return pool.toString('hex', start, start + length);
}
