// The merchant-side elements alone, in Chromium, without a gateway: what they report before any
// frame answers (setup problems), how fields join and leave their group, and how attributes and
// properties reach them. The frames' iframes point at a closed port; nothing here needs them.
import { expect, oneEvent } from '@open-wc/testing';
import { define, PayError, type PayCardFieldsElement, type PayFieldElement } from '../src/index.js';

define();

const GATEWAY = 'http://127.0.0.1:9';

/** Builds `<pay-card-fields>` with `attributes` and the given fields, in a fresh container. */
function group(attributes: Record<string, string>, ...fields: string[]): PayCardFieldsElement {
  const element = document.createElement('pay-card-fields');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const tag of fields) element.append(document.createElement(tag));
  return element;
}

const frames = (element: Element) => element.querySelectorAll('iframe');

let container: HTMLElement;
let consoleError: typeof console.error;
let logged: string[];

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  consoleError = console.error;
  logged = [];
  console.error = (...args: unknown[]) => void logged.push(args.join(' '));
});

afterEach(() => {
  container.remove();
  console.error = consoleError;
});

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
      container.append(element);
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
    container.append(element);
    expect(frames(element).length).to.equal(0);
  });
});

describe('fields and their group', () => {
  it('a field outside any group says so and makes no iframe', () => {
    const field = document.createElement('pay-card-number');
    container.append(field);
    expect(frames(field).length).to.equal(0);
    expect(logged).to.deep.equal(['pay: put <pay-card-number> inside <pay-card-fields>.']);
  });

  it('connect, disconnect, connect: one iframe each time, and the group lists the field only while it is in', () => {
    const element = group({ gateway: GATEWAY, 'publishable-key': 'pk_test_abc' });
    container.append(element);
    const field = document.createElement('pay-card-cvc') as PayFieldElement;
    element.append(field);
    expect(frames(field).length).to.equal(1);
    expect(element.fields).to.deep.equal([field]);
    const first = frames(field)[0]!;
    expect(new URL(first.src).origin).to.equal(GATEWAY);
    expect(new URL(first.src).pathname).to.equal('/frame/v1/en/cvc.html');

    field.remove();
    expect(frames(field).length).to.equal(0);
    expect(element.fields).to.deep.equal([]);

    element.append(field);
    expect(frames(field).length).to.equal(1);
    expect(frames(field)[0]).not.to.equal(first);
    expect(element.fields).to.deep.equal([field]);
  });

  it('a field that is moved keeps its one iframe (a second connect makes none)', () => {
    const element = group(
      { gateway: GATEWAY, 'publishable-key': 'pk_test_abc' },
      'pay-card-number',
    );
    container.append(element);
    const field = element.querySelector('pay-card-number')!;
    const iframe = frames(field)[0];
    field.connectedCallback();
    expect(frames(field).length).to.equal(1);
    expect(frames(field)[0]).to.equal(iframe);
  });

  it('defer-hydration: no iframe until the attribute goes', () => {
    const element = group({ gateway: GATEWAY, 'publishable-key': 'pk_test_abc' });
    const field = document.createElement('pay-card-expiry');
    field.setAttribute('defer-hydration', '');
    element.append(field);
    container.append(element);
    expect(frames(field).length).to.equal(0);
    field.removeAttribute('defer-hydration');
    expect(frames(field).length).to.equal(1);
  });

  it("a removed field's ready rejects", async () => {
    const element = group(
      { gateway: GATEWAY, 'publishable-key': 'pk_test_abc' },
      'pay-card-number',
    );
    container.append(element);
    const field = element.querySelector('pay-card-number') as PayFieldElement;
    const ready = field.ready.then(
      () => 'ready',
      (error: Error) => error.message,
    );
    field.remove();
    expect(await ready).to.equal('removed');
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
    container.append(early);
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

  it("a field's label is its iframe's title, also when it changes", () => {
    const element = group(
      { gateway: GATEWAY, 'publishable-key': 'pk_test_abc' },
      'pay-card-number',
    );
    container.append(element);
    const field = element.querySelector('pay-card-number')!;
    expect(frames(field)[0]!.title).to.equal('Card number');
    field.label = 'Long card number';
    expect(field.getAttribute('label')).to.equal('Long card number');
    expect(frames(field)[0]!.title).to.equal('Long card number');
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
    container.append(form);
    form.reset();
    expect(new FormData(form).has('card_token')).to.equal(false);
  });

  it('a disabled fieldset disables the group', () => {
    const form = document.createElement('form');
    const fieldset = document.createElement('fieldset');
    const element = group({ gateway: GATEWAY, 'publishable-key': 'pk_test_abc' });
    fieldset.append(element);
    form.append(fieldset);
    container.append(form);
    expect(element.disabled).to.equal(false);
    fieldset.disabled = true;
    expect(element.disabled).to.equal(true);
  });
});
