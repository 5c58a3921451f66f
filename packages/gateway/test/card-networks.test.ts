// Co-badged cards (docs/gateway-api.md, "Card networks"): the token offers both networks, takes
// the chosen one only among them, and the payment records the network it went through.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorOf, startGateway, testCard } from './harness.js';
import type { Gateway } from './harness.js';

interface TokenCard {
  brand: string;
  networks: { available: string[]; preferred: string | null };
}

describe('card networks', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());

  const token = (number: string, networks?: unknown) =>
    gw.api<{ id: string; card: TokenCard }>('POST', '/v1/tokens', {
      key: gw.pk,
      body: { card: { number, ...testCard, ...(networks ? { networks } : {}) } },
    });

  for (const [number, brand, other] of [
    ['4000002600005001', 'visa', 'visa'],
    ['5555552500001001', 'mastercard', 'mastercard'],
  ] as const) {
    it(`${number.slice(0, 4)}…${number.slice(-4)} offers cartes_bancaires and ${other}; nothing chosen`, async () => {
      const answer = await token(number);
      assert.equal(answer.status, 201, answer.text);
      assert.equal(answer.body.card.brand, brand);
      assert.deepEqual(answer.body.card.networks, {
        available: ['cartes_bancaires', other],
        preferred: null,
      });
      // Without a choice the payment goes through the card's brand.
      const paid = await gw.pay(answer.body.id);
      assert.equal(paid.status, 201, paid.text);
      assert.equal((paid.body as { card: { network: string } }).card.network, brand);
    });

    for (const chosen of ['cartes_bancaires', other]) {
      it(`${number.slice(0, 4)}…${number.slice(-4)}: the chosen ${chosen} is kept and paid through`, async () => {
        const answer = await token(number, { preferred: chosen });
        assert.equal(answer.status, 201, answer.text);
        assert.deepEqual(answer.body.card.networks, {
          available: ['cartes_bancaires', other],
          preferred: chosen,
        });
        const paid = await gw.pay(answer.body.id);
        assert.equal(paid.status, 201, paid.text);
        const payment = paid.body as { id: string; card: { network: string } };
        assert.equal(payment.card.network, chosen);
        // Stored, not only answered: read back from the database.
        const fetched = await gw.api<{ card: { network: string } }>(
          'GET',
          `/v1/payments/${payment.id}`,
        );
        assert.equal(fetched.body.card.network, chosen);
      });
    }
  }

  it('a card that is not co-badged offers its brand alone', async () => {
    const answer = await token('4242424242424242', { preferred: 'visa' });
    assert.equal(answer.status, 201, answer.text);
    assert.deepEqual(answer.body.card.networks, { available: ['visa'], preferred: 'visa' });
    const unknown = await token('1234567812345670');
    assert.deepEqual(unknown.body.card.networks, { available: [], preferred: null });
  });

  for (const [number, preferred] of [
    ['4000002600005001', 'mastercard'],
    ['5555552500001001', 'visa'],
    ['4242424242424242', 'cartes_bancaires'],
  ] as const) {
    it(`${preferred} for ${number.slice(0, 4)}…${number.slice(-4)}, not one of its networks: 400 validation_error`, async () => {
      const answer = await token(number, { preferred });
      assert.equal(answer.status, 400, answer.text);
      const error = errorOf(answer);
      assert.equal(error.type, 'invalid_request_error');
      assert.equal(error.code, 'validation_error');
      assert.equal(error.param, 'card.networks.preferred');
      assert.ok(!answer.text.includes(number));
    });
  }

  for (const networks of [{ preferred: 'amex_express' }, { preferred: 'visa', extra: 1 }, []]) {
    it(`card.networks ${JSON.stringify(networks)} is refused by the schema`, async () => {
      const answer = await token('4000002600005001', networks);
      assert.equal(answer.status, 400, answer.text);
      assert.equal(errorOf(answer).code, 'validation_error');
    });
  }
});
