import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryRateLimitStore } from '../src/rate-limit-store.js';

describe('MemoryRateLimitStore', () => {
  it('allows max requests per window, then refuses until the window ends', async () => {
    let now = 1_000;
    const store = new MemoryRateLimitStore({ now: () => now });
    for (let i = 0; i < 3; i++) assert.equal((await store.hit('a', 60_000, 3)).allowed, true);
    const refused = await store.hit('a', 60_000, 3);
    assert.deepEqual(refused, { allowed: false, resetMs: 60_000 });
    now += 59_999;
    assert.deepEqual(await store.hit('a', 60_000, 3), { allowed: false, resetMs: 1 });
    assert.equal((await store.hit('b', 60_000, 3)).allowed, true, 'buckets are apart');
    now += 1;
    assert.deepEqual(await store.hit('a', 60_000, 3), { allowed: true, resetMs: 60_000 });
  });

  it('holds at most maxBuckets, dropping the oldest window first', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore({ maxBuckets: 3, now: () => now });
    for (const bucket of ['a', 'b', 'c']) {
      await store.hit(bucket, 60_000, 1);
      now += 10;
    }
    await store.hit('a', 60_000, 1); // still a's first window: no reorder, a stays the oldest
    await store.hit('d', 60_000, 1);
    assert.equal(store.size, 3);
    assert.equal(store.has('a'), false);
    assert.ok(store.has('b') && store.has('c') && store.has('d'));
  });

  it('drops expired windows as new buckets arrive (no bound needed to stay small)', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore({ now: () => now });
    for (let i = 0; i < 100; i++) await store.hit(`junk-${i}`, 60_000, 1);
    now += 60_000;
    await store.hit('fresh', 60_000, 1);
    assert.equal(store.size, 1);
  });
});
