import { expect } from '@open-wc/testing';
import { CARD_BRANDS } from '@pay/protocol';
import { brandOf } from '../src/card-rules/brand.js';

describe('brand', () => {
  it("no type yet (nothing typed, or too few digits) is no brand, not 'unknown'", () => {
    expect(brandOf(undefined)).to.equal(null);
    expect(brandOf('')).to.equal(null);
  });

  it("card-validator's types become the gateway's brand names", () => {
    expect(brandOf('visa')).to.equal('visa');
    expect(brandOf('mastercard')).to.equal('mastercard');
    expect(brandOf('american-express')).to.equal('amex');
    expect(brandOf('diners-club')).to.equal('diners');
    expect(brandOf('discover')).to.equal('discover');
    expect(brandOf('jcb')).to.equal('jcb');
    expect(brandOf('unionpay')).to.equal('unionpay');
    expect(brandOf('maestro')).to.equal('maestro');
  });

  it("a type the gateway does not name is 'unknown', and so are the gateway's own names", () => {
    expect(brandOf('hipercard')).to.equal('unknown');
    expect(brandOf('elo')).to.equal('unknown');
    expect(brandOf('mir')).to.equal('unknown');
    expect(brandOf('amex')).to.equal('unknown');
    expect(brandOf('VISA')).to.equal('unknown');
  });

  it("an object's inherited names are not brands", () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(brandOf(type), type).to.equal('unknown');
    }
  });

  it('every answer is a brand the gateway knows', () => {
    for (const type of ['visa', 'american-express', 'x', '__proto__']) {
      expect(CARD_BRANDS).to.include(brandOf(type));
    }
  });
});
