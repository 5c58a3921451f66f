import './served-english.js';
import { expect } from '@open-wc/testing';
import { type CardPart } from '@pay/protocol';
import { type PartValue } from '@pay/protocol/gateway';
import { cardBody, requestToken } from '../src/token-request.js';

const NUMBER = '4242424242424242';
const CVC = '737';
const KEY = 'pk_test_abc123';
const CARD = { number: NUMBER, exp_month: 12, exp_year: 2030, cvc: CVC };

function valuesOf(entries: Partial<Record<CardPart, string>>): Map<CardPart, PartValue> {
  return new Map(
    Object.entries(entries).map(([part, value]) => [
      part as CardPart,
      { part: part as CardPart, value },
    ]),
  );
}

interface Call {
  url: string;
  init: RequestInit;
}

describe('token-request', () => {
  describe('cardBody', () => {
    it("builds the /v1/tokens card from the parts' canonical values", () => {
      const values = valuesOf({ number: NUMBER, expiry: '03/2031', cvc: CVC, name: 'Jane Doe' });
      expect(cardBody(values)).to.deep.equal({
        number: NUMBER,
        exp_month: 3,
        exp_year: 2031,
        cvc: CVC,
        cardholder_name: 'Jane Doe',
      });
    });

    it('a part not given keeps its empty default, and an empty name is left out', () => {
      expect(cardBody(new Map())).to.deep.equal({
        number: '',
        exp_month: 0,
        exp_year: 0,
        cvc: '',
      });
      expect(cardBody(valuesOf({ number: NUMBER, name: '' }))).to.deep.equal({
        number: NUMBER,
        exp_month: 0,
        exp_year: 0,
        cvc: '',
      });
    });

    it('a name given to tokenize() wins over the name part; an empty one does not', () => {
      const values = valuesOf({ number: NUMBER, name: 'Typed Name' });
      expect(cardBody(values, 'Given Name').cardholder_name).to.equal('Given Name');
      expect(cardBody(values, '').cardholder_name).to.equal('Typed Name');
      expect(cardBody(valuesOf({ number: NUMBER }), 'Given Name').cardholder_name).to.equal(
        'Given Name',
      );
    });

    it('a name given to tokenize() never replaces the number or the CVC', () => {
      const card = cardBody(valuesOf({ number: NUMBER, cvc: CVC }), '4000000000000002');
      expect(card.number).to.equal(NUMBER);
      expect(card.cvc).to.equal(CVC);
    });
  });

  describe('requestToken', () => {
    const originalFetch = globalThis.fetch;
    let calls: Call[];
    let answer: () => Promise<Response>;

    beforeEach(() => {
      calls = [];
      answer = () => Promise.resolve(new Response('{}', { status: 500 }));
      globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
        calls.push({ url: String(input), init: init ?? {} });
        return answer();
      }) as typeof fetch;
    });

    afterEach(() => {
      globalThis.fetch = originalFetch;
    });

    function json(body: unknown, status: number): () => Promise<Response> {
      return () =>
        Promise.resolve(
          new Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json' },
          }),
        );
    }

    /** No card number or CVC anywhere in what the page is told. */
    function expectNoCardData(outcome: unknown): void {
      const text = JSON.stringify(outcome);
      expect(text).not.to.include(NUMBER);
      expect(text).not.to.include(NUMBER.slice(0, 12));
      expect(text).not.to.match(new RegExp(`\\b${CVC}\\b`));
    }

    const TOKEN = {
      id: 'tok_123',
      card: {
        brand: 'visa',
        bin: '424242',
        last4: '4242',
        exp_month: 12,
        exp_year: 2030,
        networks: { available: ['visa'], preferred: 'visa' },
      },
      expires_at: '2030-01-01T00:00:00Z',
    };

    it('POSTs the card in the body to /v1/tokens on its own origin, never in the URL', async () => {
      answer = json(TOKEN, 201);
      await requestToken(KEY, CARD);
      expect(calls).to.have.length(1);
      const { url, init } = calls[0]!;
      expect(url).to.equal('/v1/tokens');
      expect(url).not.to.include(NUMBER);
      expect(init.method).to.equal('POST');
      expect(init.credentials).to.equal('omit');
      expect(init.cache).to.equal('no-store');
      const headers = new Headers(init.headers);
      expect(headers.get('content-type')).to.equal('application/json');
      expect(headers.get('authorization')).to.equal(`Bearer ${KEY}`);
      for (const [, value] of headers) {
        expect(value).not.to.include(NUMBER);
        expect(value).not.to.include(CVC);
      }
      expect(JSON.parse(String(init.body))).to.deep.equal({ card: CARD });
    });

    it('a 201 with a token becomes the result, with only what the gateway showed of the card', async () => {
      answer = json({ ...TOKEN, extra: NUMBER, card: { ...TOKEN.card, number: NUMBER } }, 201);
      const outcome = await requestToken(KEY, CARD);
      expect(outcome).to.deep.equal({
        ok: true,
        result: { token: 'tok_123', card: TOKEN.card, expires_at: TOKEN.expires_at },
      });
      expectNoCardData(outcome);
    });

    it('a token without networks has none available and none preferred', async () => {
      const { networks: _networks, ...card } = TOKEN.card;
      answer = json({ ...TOKEN, card }, 201);
      const outcome = await requestToken(KEY, CARD);
      expect(outcome.ok).to.equal(true);
      if (!outcome.ok) return;
      expect(outcome.result.card.networks).to.deep.equal({ available: [], preferred: null });
    });

    it('a network failure is network_error, and the error never carries card data', async () => {
      answer = () => Promise.reject(new TypeError(`Failed to fetch ${NUMBER} ${CVC}`));
      const outcome = await requestToken(KEY, CARD);
      expect(outcome.ok).to.equal(false);
      if (outcome.ok) return;
      expect(outcome.error.code).to.equal('network_error');
      expect(outcome.error.message).to.be.a('string').with.length.above(0);
      expectNoCardData(outcome);
    });

    it('a 201 that is not a token answer is api_error', async () => {
      for (const body of [{}, { id: 5, card: {}, expires_at: 'x' }, { id: 'tok', card: null }]) {
        answer = json(body, 201);
        const outcome = await requestToken(KEY, CARD);
        expect(outcome.ok, JSON.stringify(body)).to.equal(false);
        if (!outcome.ok) expect(outcome.error.code).to.equal('api_error');
      }
    });

    it('an answer that is not JSON is api_error', async () => {
      answer = () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 }));
      const outcome = await requestToken(KEY, CARD);
      expect(outcome).to.have.nested.property('error.code', 'api_error');
    });

    it('429 without a code is rate_limited', async () => {
      answer = () => Promise.resolve(new Response('', { status: 429 }));
      const outcome = await requestToken(KEY, CARD);
      expect(outcome).to.have.nested.property('error.code', 'rate_limited');
    });

    it("the gateway's codes the page can act on pass with its message; others become api_error", async () => {
      answer = json({ error: { code: 'unauthorized', message: 'Invalid API key.' } }, 401);
      expect(await requestToken(KEY, CARD)).to.deep.equal({
        ok: false,
        error: { code: 'unauthorized', message: 'Invalid API key.' },
      });
      answer = json({ error: { code: 'validation_error', message: 'Bad expiry.' } }, 400);
      expect(await requestToken(KEY, CARD)).to.have.nested.property(
        'error.code',
        'validation_error',
      );
      answer = json({ error: { code: 'internal_secret_thing', message: 'x' } }, 400);
      expect(await requestToken(KEY, CARD)).to.have.nested.property('error.code', 'api_error');
      answer = json({ error: { code: { toString: 'unauthorized' } } }, 400);
      expect(await requestToken(KEY, CARD)).to.have.nested.property('error.code', 'api_error');
    });

    it("an over-long or missing message is replaced by the frame's own", async () => {
      answer = json({ error: { code: 'api_error', message: 'x'.repeat(300) } }, 500);
      const long = await requestToken(KEY, CARD);
      expect(long.ok).to.equal(false);
      if (long.ok) return;
      expect(long.error.message).to.have.length.below(300);
      expect(long.error.message).to.be.a('string').with.length.above(0);
      answer = json({ error: { code: 'api_error', message: 42 } }, 500);
      const odd = await requestToken(KEY, CARD);
      expect(odd).to.have.nested.property('error.message').that.is.a('string').with.length.above(0);
    });

    it('logs nothing about the card on any outcome', async () => {
      const logged: unknown[] = [];
      const original = { ...console };
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        console[method] = (...args: unknown[]) => logged.push(args);
      }
      try {
        answer = json(TOKEN, 201);
        await requestToken(KEY, CARD);
        answer = () => Promise.reject(new TypeError('offline'));
        await requestToken(KEY, CARD);
        answer = json({ error: { code: 'api_error' } }, 500);
        await requestToken(KEY, CARD);
      } finally {
        Object.assign(console, original);
      }
      expect(JSON.stringify(logged)).not.to.include(NUMBER);
    });
  });
});
