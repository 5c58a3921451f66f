// <pay-card-fields> (card-fields-element.ts) alone, without a gateway: the setup problems it
// reports before any frame answers, its attributes and properties, and its life in a form.
import { expect, oneEvent } from '@open-wc/testing';
import { PayError } from '../src/index.js';
import { container, frames, GATEWAY, group, logged } from './unconnected-elements.js';

describe('setup problems raise pay-error, and tokenize() rejects with the same code', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['no key', { gateway: GATEWAY }, 'missing_publishable_key'],
    [
      'a secret key',
      { gateway: GATEWAY, 'publishable-key': 'sk_test_abc' },
      'invalid_publishable_key',
    ],
    [
      'a malformed key',
      { gateway: GATEWAY, 'publishable-key': 'pk_prod_abc' },
      'invalid_publishable_key',
    ],
    // The SDK here is bundled (loaded from the test server, not a gateway's /sdk/).
    ['no gateway', { 'publishable-key': 'pk_test_abc' }, 'missing_gateway'],
    [
      'a gateway that is no origin',
      { gateway: 'javascript:alert(1)', 'publishable-key': 'pk_test_abc' },
      'missing_gateway',
    ],
  ];
  for (const [name, attributes, code] of cases) {
    it(`${name}: ${code}`, async () => {
      const element = group(attributes, 'pay-card-number');
      const heard = oneEvent(element, 'pay-error');
      container().append(element);
      const event = (await heard) as CustomEvent<{ code: string; message: string }>;
      expect(event.detail.code).to.equal(code);
      expect(event.bubbles && event.composed).to.equal(true);
      const error = await element.tokenize().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(PayError);
      expect((error as PayError).code).to.equal(code);
      // Said once to the developer too, in words, never with a key's value but the one given.
      expect(logged.some((line) => line.startsWith('pay: '))).to.equal(true);
    });
  }

  it("no gateway: the fields make no iframe (they would load the merchant's own app)", async () => {
    const element = group({ 'publishable-key': 'pk_test_abc' }, 'pay-card-number');
    container().append(element);
    expect(frames(element).length).to.equal(0);
  });
});

describe('attributes and properties', () => {
  it('every attribute is a property, settable before the tags are defined', () => {
    // An element made before define() (a framework rendering first) with properties set on it.
    const name = `pay-card-fields-upgrade-${Math.random().toString(36).slice(2)}`;
    const early = document.createElement(name) as HTMLElement & Record<string, unknown>;
    early.publishableKey = 'pk_test_early';
    early.gateway = GATEWAY;
    early.disabled = true;
    container().append(early);
    customElements.define(name, class extends customElements.get('pay-card-fields')! {});
    expect(early.getAttribute('publishable-key')).to.equal('pk_test_early');
    expect(early.getAttribute('gateway')).to.equal(GATEWAY);
    expect(early.hasAttribute('disabled')).to.equal(true);
  });

  it('publishableKey takes the lowercase alias React writes, and replaces it', () => {
    const element = group({ publishablekey: 'pk_test_alias', gateway: GATEWAY });
    expect(element.publishableKey).to.equal('pk_test_alias');
    element.publishableKey = 'pk_test_new';
    expect(element.hasAttribute('publishablekey')).to.equal(false);
    expect(element.getAttribute('publishable-key')).to.equal('pk_test_new');
    element.publishableKey = null;
    expect(element.hasAttribute('publishable-key')).to.equal(false);
  });

  it('disabled as a property is a boolean attribute; name defaults to card_token', () => {
    const element = group({ gateway: GATEWAY });
    element.disabled = true;
    expect(element.getAttribute('disabled')).to.equal('');
    element.disabled = false;
    expect(element.hasAttribute('disabled')).to.equal(false);
    expect(element.name).to.equal('card_token');
    element.name = 'token';
    expect(element.getAttribute('name')).to.equal('token');
  });

  it('fonts keep only strings (https is checked in the frame)', () => {
    const element = group({ gateway: GATEWAY });
    element.fonts = [
      { family: 'Inter', src: 'https://fonts.example/inter.woff2', weight: '400' },
      { family: 3, src: 'x' } as never,
    ];
    expect(element.fonts).to.deep.equal([
      { family: 'Inter', src: 'https://fonts.example/inter.woff2', weight: '400' },
    ]);
  });
});

describe('in a form', () => {
  it('a reset leaves no token in the form data', () => {
    const form = document.createElement('form');
    const element = group(
      { gateway: GATEWAY, 'publishable-key': 'pk_test_abc' },
      'pay-card-number',
    );
    form.append(element);
    container().append(form);
    form.reset();
    expect(new FormData(form).has('card_token')).to.equal(false);
  });

  it('a disabled fieldset disables the group', () => {
    const form = document.createElement('form');
    const fieldset = document.createElement('fieldset');
    const element = group({ gateway: GATEWAY, 'publishable-key': 'pk_test_abc' });
    fieldset.append(element);
    form.append(fieldset);
    container().append(form);
    expect(element.disabled).to.equal(false);
    fieldset.disabled = true;
    expect(element.disabled).to.equal(true);
  });
});
