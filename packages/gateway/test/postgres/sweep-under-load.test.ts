import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { PostgresStorage } from '../../src/storage/postgres-storage.js';
import { startTwoInstances, tokenize, type TwoInstances } from './two-instances.js';

// The expired-data sweep and the migrations run while both instances take tokens: no request
// fails, and the sweep still does its work (issue 28, item 5).
describe('sweep and migrations under load on two instances', () => {
  let gws: TwoInstances;
  before(async () => {
    gws = await startTwoInstances({ PAY_TOKEN_RATE_LIMIT: '100000' });
  });
  after(() => gws.close());

  it('tokens keep being made while a third process migrates and sweeps', async () => {
    let stop = false;
    let made = 0;
    const client = async (gw: TwoInstances['a']) => {
      while (!stop) {
        await tokenize(gw);
        made += 1;
      }
    };
    const load = [gws.a, gws.a, gws.a, gws.b, gws.b, gws.b].map(client);
    const db = new pg.Client({ connectionString: gws.databaseUrl });
    await db.connect();
    try {
      while (made < 30) await new Promise((resolve) => setTimeout(resolve, 10));
      // Some tokens expire, and some rate-limit windows end.
      await db.query(
        `UPDATE tokens SET expires_at = 1 WHERE id IN (SELECT id FROM tokens LIMIT 20)`,
      );
      await db.query(`INSERT INTO rate_limit_windows VALUES ('address', 'gone', 1, 1)`);
      // A third instance starting (its migrations find nothing to do) and sweeping, twice.
      const third = await PostgresStorage.open({ url: gws.databaseUrl, poolSize: 2 });
      try {
        const first = await third.sweep(Date.now());
        assert.equal(first.cvcsDeleted, 20);
        assert.equal((await third.sweep(Date.now())).cvcsDeleted, 0);
      } finally {
        await third.close();
      }
      const seen = made;
      while (made < seen + 30) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      stop = true;
      await Promise.all(load);
    }
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM tokens WHERE expires_at <= $1 AND cvc_sealed IS NOT NULL`,
      [Date.now()],
    );
    const ended = await db.query(`SELECT 1 FROM rate_limit_windows WHERE bucket = 'gone'`);
    await db.end();
    assert.equal(Number(rows[0]!.n), 0);
    assert.equal(ended.rowCount, 0);
  });
});
