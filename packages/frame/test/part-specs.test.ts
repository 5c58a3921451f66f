import { expect } from '@open-wc/testing';
import { CARD_PARTS, type CardPart } from '@pay/protocol';
import { type PartValue } from '@pay/protocol/gateway';
import { PART_SPECS } from '../src/card-rules/part-specs.js';
import { frameTitle, groupLabel, partTexts } from '../src/card-rules/part-texts.js';
import { cardBody } from '../src/token-request.js';

function valuesOf(entries: Partial<Record<CardPart, string>>): Map<CardPart, PartValue> {
  return new Map(
    Object.entries(entries).map(([part, value]) => [
      part as CardPart,
      { part: part as CardPart, value },
    ]),
  );
}

describe('part specs', () => {
  it('every part has rules for itself, an autocomplete token, a label and a placeholder', () => {
    const t = (key: string) => `<${key}>`;
    const none = { label: '', placeholder: '' };
    for (const part of CARD_PARTS) {
      const spec = PART_SPECS[part];
      expect(spec.rules.part).to.equal(part);
      expect(spec.input.autocomplete).to.match(/^cc-/);
      expect(partTexts(part, false, none, t)).to.deep.equal({
        label: `<${part}_label>`,
        placeholder: `<${part}_placeholder>`,
      });
    }
  });

  it("the page's label and placeholder name a frame of one part, not the combined field's inputs", () => {
    const t = (key: string) => `<${key}>`;
    const page = { label: 'Numéro', placeholder: '0000' };
    expect(partTexts('number', false, page, t)).to.deep.equal(page);
    expect(partTexts('number', true, page, t)).to.deep.equal({
      label: '<number_label>',
      placeholder: '<number_placeholder>',
    });
    expect(groupLabel(page, t)).to.equal('Numéro');
    expect(groupLabel({ label: '', placeholder: '' }, t)).to.equal('<card_label>');
    expect(frameTitle(['number'], t)).to.equal('<number_label>');
    expect(frameTitle(['number', 'expiry', 'cvc', 'name'], t)).to.equal('<card_label>');
  });

  it('canonical values carry no formatting', () => {
    expect(PART_SPECS.number.canonical('4242 4242 4242 4242')).to.equal('4242424242424242');
    expect(PART_SPECS.expiry.canonical('4 / 30')).to.equal('04/2030');
    expect(PART_SPECS.expiry.canonical('1')).to.equal('');
    expect(PART_SPECS.name.canonical('  Ada Lovelace ')).to.equal('Ada Lovelace');
  });

  it('builds the token request card from the canonical values', () => {
    const values = valuesOf({
      number: '4242424242424242',
      expiry: '04/2030',
      cvc: '123',
      name: 'Ada Lovelace',
    });
    expect(cardBody(values)).to.deep.equal({
      number: '4242424242424242',
      exp_month: 4,
      exp_year: 2030,
      cvc: '123',
      cardholder_name: 'Ada Lovelace',
    });
    // A name given to tokenize() wins over a name field; no name at all sends none.
    expect(cardBody(values, 'A. L.').cardholder_name).to.equal('A. L.');
    const unnamed = cardBody(
      valuesOf({ number: '4242424242424242', expiry: '04/2030', cvc: '123' }),
    );
    expect(unnamed).to.not.have.property('cardholder_name');
  });
});
