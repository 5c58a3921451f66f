// The disk's own floor for durable writes: how long one fsync of a small append takes here.
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median, percentile } from './stats';

/** fsync latency (ms) of `count` 4 KiB appends, in the same temp dir the gateway's SQLite uses. */
export function fsyncLatency(count: number): { median: number; p99: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pay-bench-fsync-'));
  const fd = openSync(path.join(dir, 'wal'), 'a');
  const page = Buffer.alloc(4096, 1);
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      writeSync(fd, page);
      const t0 = performance.now();
      fsyncSync(fd);
      samples.push(performance.now() - t0);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return { median: median(samples), p99: percentile(samples, 99) };
}
