import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { CardCipher } from '../src/crypto/card-cipher.js';
import { startGateway, testCard } from './harness.js';
import type { Gateway } from './harness.js';

const cards = [
  '4242424242424242',
  '4000002500003155',
  '4000000000000002',
  '4000000000009995',
  '4000000000000069',
  '4000000000000127',
  '5555555555554444',
  '378282246310005',
  '6011111111111117',
];
// Four-digit CVCs are long enough to search raw bytes for without chance hits in random data,
// when searched as a number of their own: timestamps and durations (epoch ms in every log line)
// hold any four digits in a row sooner or later.
const amexCvc = '8264';
const visaCvc = testCard.cvc;
const amexCvcAlone = new RegExp(`(?<![0-9])${amexCvc}(?![0-9])`);

describe('card data at rest and in logs', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000, synchronous: 'FULL' });
    for (const number of cards) {
      const amex = number.startsWith('37');
      const formatted = number.replace(/(\d{4})/g, '$1 ').trim();
      const token = await gw.tokenize(formatted, {
        cvc: amex ? amexCvc : visaCvc,
        cardholder_name: 'Jane Doe',
      });
      await gw.pay(token);
    }
    // Unused tokens too (their CVC is still stored, sealed).
    await gw.tokenize('378282246310005', { cvc: amexCvc });
    await gw.tokenize('4242424242424242');
    // Failed requests carrying card data, which must not be echoed into logs either.
    await gw.api('POST', '/v1/tokens', {
      key: gw.pk,
      raw: `{"card":{"number":"4242424242424242","cvc":"${amexCvc}"`,
      headers: { 'content-type': 'application/json' },
    });
    await gw.api('POST', '/v1/tokens', {
      key: gw.pk,
      body: { card: { number: '4242424242424242', ...testCard, cvc: amexCvc } },
    });
    await gw.api('POST', '/v1/tokens', {
      key: 'pk_test_unknown',
      body: { card: { number: '5555555555554444', ...testCard } },
    });
  });
  after(() => gw.close());

  function rawBytes(): string {
    const files = [gw.databaseFile, `${gw.databaseFile}-wal`, `${gw.databaseFile}-shm`];
    assert.ok(existsSync(`${gw.databaseFile}-wal`), 'the WAL file is there to inspect');
    return files
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString('latin1'))
      .join('');
  }

  it('the database file and its WAL hold no card number and no CVC', () => {
    const bytes = rawBytes();
    assert.ok(bytes.length > 10_000);
    for (const number of cards) {
      assert.ok(!bytes.includes(number), `number ${number.slice(-4)} found in the database`);
      assert.ok(!bytes.includes(number.replace(/(\d{4})/g, '$1 ').trim()));
    }
    assert.ok(!amexCvcAlone.test(bytes), 'CVC found in the database');
    assert.ok(!bytes.includes('Jane Doe'), 'cardholder name found in the database');
    assert.ok(!bytes.includes('"cvc"'));
  });

  it('the sealed card opens with the data key (so it is encrypted, not missing), and not without it', () => {
    const db = new Database(gw.databaseFile, { readonly: true });
    try {
      const rows = db
        .prepare<[], { id: string; card_sealed: Buffer; cvc_sealed: Buffer | null; last4: string }>(
          'SELECT id, card_sealed, cvc_sealed, last4 FROM tokens',
        )
        .all();
      assert.equal(rows.length, cards.length + 2);
      const cipher = new CardCipher(gw.dataKey);
      for (const row of rows) {
        const opened = JSON.parse(cipher.open(row.card_sealed, row.id)) as { number: string };
        assert.equal(opened.number.slice(-4), row.last4);
        // Bound to its row: the same ciphertext does not open as another token.
        assert.throws(() => cipher.open(row.card_sealed, 'tok_other'));
      }
      const withCvc = rows.filter((row) => row.cvc_sealed !== null);
      assert.equal(withCvc.length, 2, 'only the unused tokens keep a (sealed) CVC');
      const amex = withCvc.find((row) => row.last4 === '0005');
      assert.ok(amex?.cvc_sealed);
      assert.equal(cipher.open(amex.cvc_sealed, amex.id), amexCvc);
      assert.throws(() => new CardCipher(Buffer.alloc(32, 1)).open(amex.cvc_sealed!, amex.id));
    } finally {
      db.close();
    }
  });

  it('secret keys are stored hashed, never in plain text', () => {
    const bytes = rawBytes();
    assert.ok(gw.sk.startsWith('sk_test_'));
    assert.ok(!bytes.includes(gw.sk));
    assert.ok(!bytes.includes(gw.sk.slice(12)));
  });

  it('the logs hold no card number, CVC, cardholder name or key', () => {
    const logs = gw.logs();
    assert.ok(
      logs.includes('request completed'),
      'request logging is on, so there is something to check',
    );
    for (const number of cards)
      assert.ok(!logs.includes(number), `number …${number.slice(-4)} logged`);
    assert.doesNotMatch(logs, amexCvcAlone);
    assert.doesNotMatch(logs, new RegExp(`(?<![0-9A-Za-z.])${visaCvc}(?![0-9A-Za-z.])`));
    assert.ok(!logs.includes('Jane Doe'));
    assert.ok(!logs.includes(gw.sk));
    assert.ok(!logs.includes(gw.pk));
    assert.ok(!logs.includes('pk_test_unknown'));
  });
});
