import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { PostgresStorage } from '../../src/storage/postgres-storage.js';
import { CLAIM_LEASE_SECONDS } from '../../src/storage/postgres/idempotency-store.js';
import { createTestDatabase } from '../storage-under-test.js';

/**
 * Several instances share the claims, so none may release unanswered claims at start: an
 * unanswered claim is a lease, taken over once it ran out (its request crashed).
 */
describe('PostgreSQL: an unanswered Idempotency-Key claim is a lease', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: PostgresStorage;
  let b: PostgresStorage;
  before(async () => {
    database = await createTestDatabase();
    // Two stores on one database, as two instances would have.
    a = await PostgresStorage.open({ url: database.url, poolSize: 2 });
    b = await PostgresStorage.open({ url: database.url, poolSize: 2 });
  });
  after(async () => {
    await a.close();
    await b.close();
    await database.drop();
  });

  it('stays in force for another instance, then is taken over; answered keys never are', async () => {
    const now = Date.now();
    assert.deepEqual(await a.beginIdempotentRequest('mer_1', 'k1', 'h', now), {
      state: 'started',
    });
    assert.deepEqual(await b.beginIdempotentRequest('mer_1', 'k1', 'h', now), {
      state: 'in_progress',
    });
    assert.deepEqual(await b.beginIdempotentRequest('mer_1', 'k1', 'other', now), {
      state: 'mismatch',
    });

    // The instance holding it died: its lease runs out.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const age = async () =>
      client.query(
        `UPDATE idempotency_keys SET claimed_at = claimed_at - make_interval(secs => $1)`,
        [CLAIM_LEASE_SECONDS + 1],
      );
    await age();
    assert.deepEqual(await b.beginIdempotentRequest('mer_1', 'k1', 'h', now), {
      state: 'started',
    });

    await b.finishIdempotentRequest('mer_1', 'k1', 400, '{"error":1}');
    await age();
    assert.deepEqual(await a.beginIdempotentRequest('mer_1', 'k1', 'h', now), {
      state: 'done',
      statusCode: 400,
      body: '{"error":1}',
    });
    await client.end();
  });
});
