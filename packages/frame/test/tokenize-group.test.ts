import './served-english.js';
import { expect } from '@open-wc/testing';
import { type CardPart } from '@pay/protocol';
import { type PartValue } from '@pay/protocol/gateway';
import type { GroupChannel } from '../src/group/group-channel.js';
import { tokenizeGroup, type TokenizeContext } from '../src/tokenize-group.js';

const NUMBER = '4242424242424242';
const CVC = '737';
const KEY = 'pk_test_abc123';
const YEAR = new Date().getFullYear() + 2;
const CONTEXT: TokenizeContext = { brand: 'visa', acceptedBrands: null, network: null };
const REQUEST = { parts: ['number', 'expiry', 'cvc'] };

/** A group whose siblings hand over these values (or fail to). */
function groupOf(entries: Partial<Record<CardPart, string>> | Error): GroupChannel {
  return {
    collect: () =>
      entries instanceof Error
        ? Promise.reject(entries)
        : Promise.resolve(
            new Map<CardPart, PartValue>(
              Object.entries(entries).map(([part, value]) => [
                part as CardPart,
                { part: part as CardPart, value },
              ]),
            ),
          ),
  } as unknown as GroupChannel;
}

const VALID = { number: NUMBER, expiry: `12/${YEAR}`, cvc: CVC };

describe('tokenize-group', () => {
  const originalFetch = globalThis.fetch;
  let bodies: unknown[];

  beforeEach(() => {
    bodies = [];
    globalThis.fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return Promise.resolve(
        new Response(
          JSON.stringify({
            id: 'tok_1',
            card: { brand: 'visa', bin: '424242', last4: '4242', exp_month: 12, exp_year: YEAR },
            expires_at: '2099-01-01T00:00:00Z',
          }),
          { status: 201 },
        ),
      );
    }) as typeof fetch;
  });

  afterEach(() => {
    globalThis.fetch = originalFetch;
  });

  function expectNoCardData(outcome: unknown): void {
    const text = JSON.stringify(outcome);
    expect(text).not.to.include(NUMBER.slice(0, 8));
    expect(text).not.to.match(new RegExp(`\\b${CVC}\\b`));
  }

  it('valid parts become one /v1/tokens request and a token', async () => {
    const outcome = await tokenizeGroup(REQUEST, groupOf(VALID), KEY, CONTEXT);
    expect(outcome.ok).to.equal(true);
    expect(bodies).to.deep.equal([
      { card: { number: NUMBER, exp_month: 12, exp_year: YEAR, cvc: CVC } },
    ]);
  });

  it('a chosen network is sent as the preferred one; a given name as the cardholder', async () => {
    await tokenizeGroup({ ...REQUEST, cardholderName: 'Jane Doe' }, groupOf(VALID), KEY, {
      ...CONTEXT,
      network: 'cartes_bancaires',
    });
    expect(bodies[0]).to.have.nested.property('card.networks.preferred', 'cartes_bancaires');
    expect(bodies[0]).to.have.nested.property('card.cardholder_name', 'Jane Doe');
  });

  it('a malformed request or no key asks nothing of the gateway', async () => {
    const bad = await tokenizeGroup({ parts: ['number'] }, groupOf(VALID), KEY, CONTEXT);
    expect(bad).to.have.nested.property('error.code', 'missing_field');
    const keyless = await tokenizeGroup(REQUEST, groupOf(VALID), undefined, CONTEXT);
    expect(keyless).to.have.nested.property('error.code', 'missing_publishable_key');
    expect(bodies).to.have.length(0);
  });

  it('a sibling that does not hand over its value is frame_not_ready, without card data', async () => {
    const outcome = await tokenizeGroup(
      REQUEST,
      groupOf(new Error(`collect failed: ${NUMBER}`)),
      KEY,
      CONTEXT,
    );
    expect(outcome).to.have.nested.property('error.code', 'frame_not_ready');
    expectNoCardData(outcome);
    expect(bodies).to.have.length(0);
  });

  it('stops at the first invalid part, names it, and sends nothing', async () => {
    const cases: [Partial<Record<CardPart, string>>, CardPart][] = [
      [{ ...VALID, number: '4242424242424241' }, 'number'],
      [{ ...VALID, number: '4242 42' }, 'number'],
      [{ ...VALID, expiry: `12/${YEAR - 4}` }, 'expiry'],
      [{ ...VALID, cvc: '7' }, 'cvc'],
      [{ ...VALID, cvc: '' }, 'cvc'],
    ];
    for (const [values, part] of cases) {
      const outcome = await tokenizeGroup(REQUEST, groupOf(values), KEY, CONTEXT);
      expect(outcome.ok, JSON.stringify(values)).to.equal(false);
      expect(outcome, part).to.have.property('part', part);
      expectNoCardData(outcome);
    }
    expect(bodies).to.have.length(0);
  });

  it("a brand the group does not accept is the number's error", async () => {
    const outcome = await tokenizeGroup(REQUEST, groupOf(VALID), KEY, {
      ...CONTEXT,
      acceptedBrands: ['mastercard'],
    });
    expect(outcome).to.have.property('part', 'number');
    expectNoCardData(outcome);
    expect(bodies).to.have.length(0);
  });
});
