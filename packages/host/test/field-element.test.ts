// The field elements (field-element.ts) alone, without a gateway: how a field joins and leaves
// its group, its one iframe, and its label as the iframe's title.
import { expect } from '@open-wc/testing';
import type { PayFieldElement } from '../src/index.js';
import { container, frames, GATEWAY, group, logged } from './unconnected-elements.js';

describe('fields and their group', () => {
  it('a field outside any group says so and makes no iframe', () => {
    const field = document.createElement('pay-card-number');
    container().append(field);
    expect(frames(field).length).to.equal(0);
    expect(logged).to.deep.equal(['pay: put <pay-card-number> inside <pay-card-fields>.']);
  });

  it('connect, disconnect, connect: one iframe each time, and the group lists the field only while it is in', () => {
    const element = group({ gateway: GATEWAY, 'publishable-key': 'pk_test_abc' });
    container().append(element);
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
    container().append(element);
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
    container().append(element);
    expect(frames(field).length).to.equal(0);
    field.removeAttribute('defer-hydration');
    expect(frames(field).length).to.equal(1);
  });

  it("a removed field's ready rejects", async () => {
    const element = group(
      { gateway: GATEWAY, 'publishable-key': 'pk_test_abc' },
      'pay-card-number',
    );
    container().append(element);
    const field = element.querySelector('pay-card-number') as PayFieldElement;
    const ready = field.ready.then(
      () => 'ready',
      (error: Error) => error.message,
    );
    field.remove();
    expect(await ready).to.equal('removed');
  });
});

describe('the label', () => {
  it("a field's label is its iframe's title, also when it changes", () => {
    const element = group(
      { gateway: GATEWAY, 'publishable-key': 'pk_test_abc' },
      'pay-card-number',
    );
    container().append(element);
    const field = element.querySelector('pay-card-number')!;
    expect(frames(field)[0]!.title).to.equal('Card number');
    field.label = 'Long card number';
    expect(field.getAttribute('label')).to.equal('Long card number');
    expect(frames(field)[0]!.title).to.equal('Long card number');
  });
});
