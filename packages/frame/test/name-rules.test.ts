import { expect } from '@open-wc/testing';
import { cardValidatorReady } from '../src/card-rules/card-validator-loader.js';
import { nameRules } from '../src/card-rules/name-rules.js';
import { MAX_NAME } from '../src/card-rules/part-inputs.js';

before(() => cardValidatorReady);

const context = { brand: null, now: new Date(2030, 0, 1) };
const format = (raw: string) => nameRules.format(raw, context);
const assess = (value: string) => nameRules.assess(value, context);

describe('name-rules', () => {
  it('rules for the name part, where every character is significant', () => {
    expect(nameRules.part).to.equal('name');
    expect(nameRules.significant.test('é')).to.equal(true);
    expect(nameRules.significant.test(' ')).to.equal(true);
  });

  it('formatting turns line breaks and tabs into spaces and keeps the rest as typed', () => {
    expect(format('Jane\nDoe')).to.equal('Jane Doe');
    expect(format('Jane\r\nDoe')).to.equal('Jane  Doe');
    expect(format('Jane\tDoe')).to.equal('Jane Doe');
    expect(format("  Zoë O'Brien-Núñez  ")).to.equal("  Zoë O'Brien-Núñez  ");
  });

  it('formatting cuts a name at the input’s maximum length', () => {
    expect(format('a'.repeat(MAX_NAME + 50))).to.have.length(MAX_NAME);
    expect(format('a'.repeat(MAX_NAME))).to.have.length(MAX_NAME);
  });

  it('an empty or blank name is empty and incomplete, never shown eagerly', () => {
    for (const value of ['', '   ', '\t']) {
      expect(assess(value), JSON.stringify(value)).to.deep.equal({
        empty: true,
        complete: false,
        error: 'incomplete_name',
        eager: false,
      });
    }
  });

  it('a name is complete', () => {
    expect(assess('Jane Doe')).to.deep.equal({
      empty: false,
      complete: true,
      eager: false,
    });
    expect(assess('  Zoë Núñez  ').complete).to.equal(true);
  });

  it('a card number typed in the name field is not a complete name', () => {
    const assessed = assess('4242424242424242');
    expect(assessed.empty).to.equal(false);
    expect(assessed.complete).to.equal(false);
    expect(assess('4242 4242 4242 4242').complete).to.equal(false);
  });
});
