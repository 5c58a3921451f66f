import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startGateway } from '../harness.js';
import type { Gateway } from '../harness.js';

/** What PostgreSQL holds for a token: no number or CVC in any column, sealed or not. */
describe('PostgreSQL: card data at rest', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  it('stores the card sealed with AES-256-GCM and drops the CVC once used', async () => {
    const token = await gw.tokenize('4000056655665556', { cvc: '987' });
    const client = new pg.Client({ connectionString: gw.databaseLocation });
    await client.connect();
    try {
      const dump = async () => {
        const { rows } = await client.query<{ row: string; card: Buffer; cvc: Buffer | null }>(
          'SELECT row_to_json(t)::text AS row, card_sealed AS card, cvc_sealed AS cvc FROM tokens t WHERE id = $1',
          [token],
        );
        return rows[0];
      };
      const stored = await dump();
      assert.ok(stored);
      for (const text of [
        stored.row,
        stored.card.toString('latin1'),
        stored.cvc?.toString('latin1'),
      ]) {
        assert.doesNotMatch(text ?? '', /4000056655665556|5665556/);
      }
      assert.ok(stored.cvc && stored.cvc.length > 16, 'the CVC is kept sealed until use');
      const open = JSON.parse(gw.app.cipher.open(stored.card, token)) as { number: string };
      assert.equal(open.number, '4000056655665556');

      assert.equal((await gw.pay(token)).status, 201);
      assert.equal((await dump())?.cvc, null);
    } finally {
      await client.end();
    }
  });
});
