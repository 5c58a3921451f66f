import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { binLength, shownDigits } from '../src/card-disclosure.js';
import { migrations } from '../src/storage/sqlite/migrations.js';
import { SqliteStorage } from '../src/storage/sqlite-storage.js';
import { startGateway, testCard } from './harness.js';
import type { Gateway } from './harness.js';

/** A Luhn-valid number of `length` digits starting with `prefix`. */
function luhnNumber(prefix: string, length: number): string {
  const digits = prefix.split('').map(Number);
  while (digits.length < length - 1) digits.push((digits.length * 7 + 3) % 10);
  let sum = 0;
  digits
    .slice()
    .reverse()
    .forEach((d, i) => {
      const doubled = i % 2 === 0 ? d * 2 : d;
      sum += doubled > 9 ? doubled - 9 : doubled;
    });
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

interface Card {
  brand: string;
  bin?: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

/**
 * Positions of `number` an answer's card shows, checking that `bin` is its start and `last4`
 * its end (a digit shown out of place would be a leak of its own).
 */
function revealedDigits(number: string, card: Card): number {
  const shown = new Set<number>();
  if (card.bin !== undefined) {
    assert.ok(number.startsWith(card.bin), `bin ${card.bin} is not the number's start`);
    for (let i = 0; i < card.bin.length; i++) shown.add(i);
  }
  assert.ok(number.endsWith(card.last4), `last4 ${card.last4} is not the number's end`);
  for (let i = 1; i <= card.last4.length; i++) shown.add(number.length - i);
  return shown.size;
}

const lengths = [12, 13, 14, 15, 16, 17, 18, 19];
const cards: { number: string; brand: string; cvc: string }[] = [
  ...lengths.map((n) => ({ number: luhnNumber('6759', n), brand: 'maestro', cvc: '739' })),
  ...lengths.map((n) => ({ number: luhnNumber('1', n), brand: 'unknown', cvc: '739' })),
  { number: '378282246310005', brand: 'amex', cvc: '7391' },
  { number: '30569309025904', brand: 'diners', cvc: '739' },
  { number: luhnNumber('62000000', 14), brand: 'unionpay', cvc: '739' },
  { number: luhnNumber('62000000', 15), brand: 'unionpay', cvc: '739' },
  { number: '4242424242424242', brand: 'visa', cvc: '739' },
  { number: luhnNumber('4', 19), brand: 'visa', cvc: '739' },
];

describe('card digits shown: at most the length less 6, in every answer', () => {
  let gw: Gateway;
  const paid = new Map<string, string>(); // payment id → number
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());

  it('shownDigits keeps last4 and cuts bin to length less 10, 6 at most', () => {
    assert.deepEqual(
      lengths.map((n) => binLength(n)),
      [2, 3, 4, 5, 6, 6, 6, 6],
    );
    assert.deepEqual(shownDigits('675900000003'), { bin: '67', last4: '0003' });
    assert.deepEqual(shownDigits('4242424242424242'), { bin: '424242', last4: '4242' });
  });

  for (const { number, brand, cvc } of cards) {
    const label = `${brand}, ${number.length} digits`;
    it(`${label}: the token answer and the stored token row`, async () => {
      const answer = await gw.api<{ id: string; card: Card }>('POST', '/v1/tokens', {
        key: gw.pk,
        body: { card: { number, ...testCard, cvc } },
      });
      assert.equal(answer.status, 201, answer.text);
      const card = answer.body.card;
      assert.equal(card.brand, brand);
      assert.deepEqual(Object.keys(card).sort(), [
        'bin',
        'brand',
        'exp_month',
        'exp_year',
        'last4',
        'networks',
      ]);
      // Network names only: not a digit of the number.
      assert.doesNotMatch(JSON.stringify((card as { networks?: unknown }).networks), /\d/);
      assert.equal(card.bin, number.slice(0, Math.min(6, number.length - 10)));
      assert.equal(card.last4, number.slice(-4));
      assert.ok(revealedDigits(number, card) <= number.length - 6, JSON.stringify(card));
      const row = await gw.storage.getToken(answer.body.id);
      assert.equal(row?.bin, card.bin, 'the stored bin is the cut one');

      const payment = await gw.pay(answer.body.id);
      assert.equal(payment.status, 201, payment.text);
      const p = payment.body as { id: string; card: Card };
      assert.ok(revealedDigits(number, p.card) <= number.length - 6, JSON.stringify(p.card));
      paid.set(p.id, number);
      const fetched = await gw.api<{ card: Card }>('GET', `/v1/payments/${p.id}`);
      assert.ok(revealedDigits(number, fetched.body.card) <= number.length - 6);
    });
  }

  it('the payment list shows no more digits than each payment', async () => {
    const list = await gw.api<{ data: { id: string; card: Card }[] }>(
      'GET',
      '/v1/payments?limit=100',
    );
    assert.equal(list.status, 200, list.text);
    let seen = 0;
    for (const p of list.body.data) {
      const number = paid.get(p.id);
      if (!number) continue;
      seen++;
      assert.ok(revealedDigits(number, p.card) <= number.length - 6, JSON.stringify(p.card));
    }
    assert.equal(seen, paid.size);
  });

  it('the OpenAPI document says bin may be shorter than 6 digits', async () => {
    const doc = await gw.api<Record<string, unknown>>('GET', '/openapi.json', { key: null });
    assert.match(doc.text, /\^\[0-9\]\{2,6\}\$/);
  });
});

describe('token rows stored before the rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-bins-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('have their bin cut for the shortest number their brand allows when the file is opened', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)');
    migrations.slice(0, 2).forEach((sql, i) => {
      old.exec(sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?)').run(i + 1);
    });
    old.exec("INSERT INTO merchants (id, name, seed, created_at) VALUES ('mer_1', 'Old', 1, 0)");
    const insert = old.prepare(
      `INSERT INTO tokens (id, merchant_id, mode, brand, bin, last4, exp_month, exp_year,
         card_sealed, created_at, expires_at) VALUES (?, 'mer_1', 'test', ?, ?, ?, 12, 2030, x'00', 0, 1)`,
    );
    const stored: [string, string, string, string][] = [
      ['tok_maestro', 'maestro', '675964', '8453'],
      ['tok_unknown', 'unknown', '123456', '5670'],
      ['tok_diners', 'diners', '305693', '5904'],
      ['tok_unionpay', 'unionpay', '620000', '0005'],
      ['tok_amex', 'amex', '378282', '0005'],
      ['tok_visa', 'visa', '424242', '4242'],
    ];
    for (const [id, brand, bin, last4] of stored) insert.run(id, brand, bin, last4);
    old.close();

    const storage = new SqliteStorage({ file });
    try {
      const bins: Record<string, string | undefined> = {};
      for (const [id, brand] of stored) bins[brand] = (await storage.getToken(id))?.bin;
      assert.deepEqual(bins, {
        maestro: '67',
        unknown: '12',
        diners: '3056',
        unionpay: '6200',
        amex: '37828',
        visa: '424242',
      });
      assert.equal((await storage.getToken('tok_maestro'))?.last4, '8453');
    } finally {
      await storage.close();
    }
  });
});
