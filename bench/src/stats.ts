// Order statistics for the timing samples (nearest-rank, so every value is one that was measured).

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(samples: readonly number[]): number {
  return samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

/**
 * A statistic compared over consecutive blocks of paired samples (the bench's repeated runs):
 * `compare(ours block, floor block)` for each of `blocks` blocks, lowest and highest. Shows how
 * far a goal's figure moves from run to run, so one sitting on its threshold shows as such.
 */
export function blockSpread(
  ours: readonly number[],
  floor: readonly number[],
  blocks: number,
  compare: (ours: number[], floor: number[]) => number,
): { low: number; high: number } {
  const n = Math.max(1, Math.min(blocks, ours.length, floor.length));
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const slice = (x: readonly number[]) =>
      x.slice(Math.floor((i * x.length) / n), Math.floor(((i + 1) * x.length) / n));
    values.push(compare(slice(ours), slice(floor)));
  }
  return { low: Math.min(...values), high: Math.max(...values) };
}
