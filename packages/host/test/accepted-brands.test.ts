// readAcceptedBrands (accepted-brands.ts): the group's `accepted-brands` attribute as the
// frames apply it. Unknown names are dropped with one warning, never a refusal of every card.
import { expect } from '@open-wc/testing';
import { CARD_BRANDS } from '@pay/protocol';
import { readAcceptedBrands } from '../src/accepted-brands.js';

let consoleWarn: typeof console.warn;
let warned: string[];

beforeEach(() => {
  consoleWarn = console.warn;
  warned = [];
  console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
});

afterEach(() => {
  console.warn = consoleWarn;
});

/** A value no other test uses: the module warns once per distinct value. */
let serial = 0;
const fresh = (value: string) => `${value}${' '.repeat(++serial)}`;

describe('readAcceptedBrands', () => {
  it('no attribute accepts every brand', () => {
    expect(readAcceptedBrands(null)).to.equal(null);
    expect(warned).to.deep.equal([]);
  });

  it('reads names separated by commas, spaces or both, in any case', () => {
    expect(readAcceptedBrands('visa,mastercard')).to.deep.equal(['visa', 'mastercard']);
    expect(readAcceptedBrands(' VISA  Amex,\n\tjcb ,, ')).to.deep.equal(['visa', 'amex', 'jcb']);
    expect(warned).to.deep.equal([]);
  });

  it('takes every brand the gateway knows, in its order', () => {
    expect(readAcceptedBrands(CARD_BRANDS.join(' '))).to.deep.equal([...CARD_BRANDS]);
  });

  it('lists a brand once', () => {
    expect(readAcceptedBrands('visa Visa VISA,amex visa')).to.deep.equal(['visa', 'amex']);
  });

  it('an empty or blank value accepts every brand', () => {
    expect(readAcceptedBrands('')).to.equal(null);
    expect(readAcceptedBrands(' , \n ')).to.equal(null);
    expect(warned).to.deep.equal([]);
  });

  it('leaves out an unknown name with a warning naming it, and keeps the known ones', () => {
    expect(readAcceptedBrands(fresh('visa, vias, amex'))).to.deep.equal(['visa', 'amex']);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('vias');
    expect(warned[0]).to.contain('mastercard'); // the names it does know
  });

  it('a value of unknown names only accepts every brand rather than none', () => {
    expect(readAcceptedBrands(fresh('vias mastercrad'))).to.equal(null);
    expect(warned).to.have.length(1);
  });

  it('warns once per value, not on every read', () => {
    const value = fresh('visa bogus');
    readAcceptedBrands(value);
    readAcceptedBrands(value);
    readAcceptedBrands(value);
    expect(warned).to.have.length(1);
  });

  it('hostile names are no brands: prototype keys, markup, near misses', () => {
    const value = fresh('__proto__ constructor toString <img/onerror=alert(1)> visa- visa');
    expect(readAcceptedBrands(value)).to.deep.equal(['visa']);
    expect(readAcceptedBrands(fresh('__proto__'))).to.equal(null);
    expect(readAcceptedBrands(fresh('visa;amex'))).to.equal(null);
  });

  it('a card number in the attribute is no brand', () => {
    expect(readAcceptedBrands(fresh('4242424242424242'))).to.equal(null);
  });
});
