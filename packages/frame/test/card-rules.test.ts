import { expect } from '@open-wc/testing';
import { formatNumber, numberRules } from '../src/card-rules/number-rules.js';
import { expiryRules, expiryValue, formatExpiry } from '../src/card-rules/expiry-rules.js';
import { cvcRules } from '../src/card-rules/cvc-rules.js';
import { settle } from '../src/card-rules/part-rules.js';
import { caretAfter } from '../src/controllers/caret.js';
import { cardValidatorReady } from '../src/card-rules/card-validator-loader.js';

// The rules' card-validator chunk loads on its own; these tests are about the loaded rules.
before(() => cardValidatorReady);

const now = new Date('2026-11-25T12:00:00Z');

describe('card number rules', () => {
  it('groups visa 4-4-4-4 and amex 4-6-5', () => {
    expect(formatNumber('4242424242424242')).to.equal('4242 4242 4242 4242');
    expect(formatNumber('378282246310005')).to.equal('3782 822463 10005');
  });

  it('cuts digits beyond the longest length of the brand', () => {
    expect(formatNumber('3782822463100051234')).to.equal('3782 822463 10005');
  });

  it('detects the brand and completes on a Luhn-valid number of its longest length', () => {
    const a = numberRules.assess('5555 5555 5555 4444', { brand: null, now });
    expect(a).to.include({ complete: true, brand: 'mastercard' });
    expect(a.error).to.equal(undefined);
  });

  it('refuses a brand outside accepted-brands as soon as the digits name it, eagerly', () => {
    const acceptedBrands = ['visa'] as const;
    expect(numberRules.assess('5555', { brand: null, now, acceptedBrands })).to.include({
      complete: false,
      error: 'unsupported_brand',
      eager: true,
      brand: 'mastercard',
    });
    expect(
      settle(numberRules.assess('4242 4242 4242 4242', { brand: null, now, acceptedBrands })),
    ).to.include({ complete: true, brand: 'visa' });
    // Without the list every brand is accepted.
    expect(numberRules.assess('5555 5555 5555 4444', { brand: null, now }).error).to.equal(
      undefined,
    );
  });

  it('calls a valid prefix incomplete and does not show it eagerly', () => {
    expect(numberRules.assess('4242 42', { brand: null, now })).to.include({
      error: 'incomplete_number',
      eager: false,
    });
  });

  it('calls a number of its longest length that fails Luhn invalid', () => {
    expect(numberRules.assess('5555555555554445', { brand: null, now }).error).to.equal(
      'invalid_number',
    );
    expect(numberRules.assess('4242424242424241234', { brand: null, now }).error).to.equal(
      'invalid_number',
    );
  });

  it('calls a Luhn-failing length that may still grow incomplete, invalid once settled', () => {
    for (const number of ['4242424242424241', '501800000000', '5018000000000000']) {
      const typed = numberRules.assess(number, { brand: null, now });
      expect(typed).to.include({ complete: false, error: 'incomplete_number', eager: false });
      expect(settle(typed)).to.include({ complete: false, error: 'invalid_number' });
    }
  });

  it('calls a valid number that may still grow incomplete, complete once settled', () => {
    // A 13-digit Maestro may be the start of a 16-digit one; a 16-digit Visa of a 19-digit one.
    for (const number of ['6759000000005', '4242424242424242', '6011000000000004']) {
      const typed = numberRules.assess(number, { brand: null, now });
      expect(typed).to.include({ complete: false, error: 'incomplete_number', eager: false });
      const settled = settle(typed);
      expect(settled).to.include({ complete: true });
      expect(settled.error).to.equal(undefined);
    }
  });

  it('reads every prefix of a growing number alike until its longest length', () => {
    const number = '4111000000000008004'; // Visa; its 16- and 18-digit prefixes pass Luhn too
    const seen = new Set<string>();
    for (let length = 1; length < number.length; length++) {
      const { complete, error, eager } = numberRules.assess(number.slice(0, length), {
        brand: null,
        now,
      });
      seen.add(JSON.stringify({ complete, error, eager }));
    }
    expect([...seen]).to.deep.equal([
      JSON.stringify({ complete: false, error: 'incomplete_number', eager: false }),
    ]);
    expect(numberRules.assess(number, { brand: null, now }).complete).to.equal(true);
  });
});

describe('expiry rules', () => {
  it('formats typed, pasted and autofilled dates', () => {
    expect(formatExpiry('1230')).to.equal('12 / 30');
    expect(formatExpiry('12/2030')).to.equal('12 / 2030');
    expect(formatExpiry('4')).to.equal('04 / ');
    expect(formatExpiry('1')).to.equal('1');
    expect(formatExpiry('12')).to.equal('12 / ');
  });

  it('reads two- and four-digit years', () => {
    expect(expiryValue('12 / 30')).to.deep.equal({ exp_month: 12, exp_year: 2030 });
    expect(expiryValue('12/2029')).to.deep.equal({ exp_month: 12, exp_year: 2029 });
  });

  it('tells expired from invalid', () => {
    expect(expiryRules.assess('01 / 2020', { brand: null, now }).error).to.equal('expired_card');
    expect(expiryRules.assess('13 / 30', { brand: null, now }).error).to.equal('invalid_expiry');
    expect(expiryRules.assess('12 / 3', { brand: null, now }).error).to.equal('incomplete_expiry');
    expect(expiryRules.assess('11 / 26', { brand: null, now }).complete).to.equal(true);
  });
});

describe('cvc rules', () => {
  it('wants 4 digits for amex and 3 for visa', () => {
    expect(cvcRules.assess('123', { brand: 'amex', now }).complete).to.equal(false);
    expect(cvcRules.assess('1234', { brand: 'amex', now }).complete).to.equal(true);
    expect(cvcRules.format('1234', { brand: 'visa', now })).to.equal('123');
  });
});

describe('caret', () => {
  it('stays after the same digits when formatting adds separators', () => {
    expect(caretAfter('4242 4', 5, /\d/)).to.equal(6);
    expect(caretAfter('12 / ', 2, /\d/)).to.equal(5);
    expect(caretAfter('4242 4242', 4, /\d/)).to.equal(4);
  });
});
