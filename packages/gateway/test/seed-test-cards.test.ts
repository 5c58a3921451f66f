// The seed's test cards behave exactly as the seed documents them (fixtures/seed-test-cards.json,
// copied from the seed's guide): none falls in a co-badged range, so none offers a network
// choice, in the frame's rules or the gateway's (one table, one function: card-form.ts and
// card-rules.ts both call availableNetworks), and each pays as described. The API guide's
// test card table says the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { brandFromCardType } from '@pay/protocol/card-brands';
import { availableNetworks, coBadgedNetworks } from '@pay/protocol/gateway/co-badged-networks';
import { startGateway, testCard } from './harness.js';
import type { Gateway } from './harness.js';

interface SeedCard {
  number: string;
  described: string;
  http: number;
  status: 'completed' | 'requires_action' | 'failed';
  code?: string;
}

const { cards } = JSON.parse(
  readFileSync(new URL('./fixtures/seed-test-cards.json', import.meta.url), 'utf8'),
) as { cards: SeedCard[] };

const apiGuide = readFileSync(new URL('../../../docs/gateway-api.md', import.meta.url), 'utf8');
const spaced = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1 ');

interface TokenAnswer {
  id: string;
  card: { brand: string; networks: { available: string[]; preferred: string | null } };
}
interface PaymentAnswer {
  status: string;
  redirect_url: string | null;
  error?: { code: string };
}

describe('the seed test cards', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());

  it('the fixture holds the seed list (four cards, the 3-D Secure one among them)', () => {
    assert.deepEqual(
      cards.map((c) => c.number),
      ['4242424242424242', '4000002500003155', '4000000000000002', '4000000000009995'],
    );
  });

  for (const card of cards) {
    const name = `${card.number.slice(0, 4)}…${card.number.slice(-4)} (${card.described})`;

    it(`${name} is in no co-badged range: its brand's network alone`, () => {
      assert.equal(coBadgedNetworks(card.number), undefined);
      // Every seed card is a Visa (card-validator's type name is the API's brand).
      assert.deepEqual(availableNetworks(card.number, brandFromCardType('visa')), ['visa']);
    });

    it(`${name}: the token offers no network choice and the payment is ${card.status}`, async () => {
      const token = await gw.api<TokenAnswer>('POST', '/v1/tokens', {
        key: gw.pk,
        body: { card: { number: card.number, ...testCard } },
      });
      assert.equal(token.status, 201, token.text);
      assert.equal(token.body.card.brand, 'visa');
      assert.deepEqual(token.body.card.networks, { available: ['visa'], preferred: null });

      const paid = await gw.pay(token.body.id, { amount: 10, currency: 'eur' });
      assert.equal(paid.status, card.http, paid.text);
      const payment = paid.body as unknown as PaymentAnswer;
      assert.equal(payment.status, card.status);
      assert.equal(payment.error?.code, card.code);
      if (card.status === 'requires_action') {
        // 3-D Secure: the challenge, then the payment completes.
        assert.ok(payment.redirect_url);
        const decided = await fetch(payment.redirect_url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'decision=complete',
        });
        assert.equal(decided.status, 200);
        const after = await gw.api<PaymentAnswer>('GET', `/v1/payments/${String(paid.body.id)}`);
        assert.equal(after.body.status, 'completed');
      } else {
        assert.equal(payment.redirect_url, null);
      }
    });

    it(`${name}: the API guide's test card table says the same`, () => {
      const row = apiGuide
        .split('\n')
        .find((line) => line.startsWith(`| \`${spaced(card.number)}\``));
      assert.ok(row, `docs/gateway-api.md lists ${spaced(card.number)}`);
      assert.doesNotMatch(row, /co-badged/);
      if (card.code) assert.match(row, new RegExp(`\`failed\`: \`${card.code}\``));
      else if (card.status === 'requires_action')
        assert.match(row, /`requires_action`: 3-D Secure/);
      else assert.match(row, /approved/);
    });
  }
});
