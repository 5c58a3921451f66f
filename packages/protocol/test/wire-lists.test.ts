import { expect } from '@open-wc/testing';
import { brandFromCardType, CARD_BRANDS, isCardBrand } from '../src/card-brands.js';
import { CARD_PARTS, FIELD_KINDS, isCardPart, isFieldKind } from '../src/card-parts.js';
import { checkExpiry, cvcLengths, MAX_EXPIRY_YEARS_AHEAD } from '../src/gateway/card-rules.js';
import {
  API_ERROR_CODES,
  API_ERROR_TYPES,
  ERROR_CATEGORIES,
  FIELD_ERROR_CODES,
  PASSED_API_ERROR_CODES,
  apiErrorType,
  errorCategory,
  isPassedApiErrorCode,
} from '../src/error-codes.js';
import { isGroupMessage } from '../src/gateway/group-messages.js';
import { isPublishableKey } from '../src/publishable-key.js';

describe('card brands and parts', () => {
  it('names card-validator types in the API brands, anything else unknown', () => {
    expect(brandFromCardType('american-express')).to.equal('amex');
    expect(brandFromCardType('diners-club')).to.equal('diners');
    expect(brandFromCardType('elo')).to.equal('unknown');
    // An inherited property name is not a brand.
    expect(brandFromCardType('constructor')).to.equal('unknown');
    expect(isCardBrand('unknown')).to.equal(true);
    expect(isCardBrand('Visa')).to.equal(false);
    expect(CARD_BRANDS).to.include('maestro');
  });

  it('a field kind is a part or card', () => {
    expect(FIELD_KINDS).to.deep.equal([...CARD_PARTS, 'card']);
    expect(isFieldKind('card')).to.equal(true);
    expect(isCardPart('card')).to.equal(false);
    expect(isCardPart('toString')).to.equal(false);
  });
});

describe('card rules both sides apply', () => {
  it('CVC: 4 digits for amex, 3 for known brands, 3 or 4 otherwise', () => {
    expect(cvcLengths('amex')).to.deep.equal([4]);
    expect(cvcLengths('visa')).to.deep.equal([3]);
    expect(cvcLengths('unknown')).to.deep.equal([3, 4]);
    expect(cvcLengths(null)).to.deep.equal([3, 4]);
  });

  it('expiry: valid through its month, not past, not too far ahead', () => {
    const today = { year: 2026, month: 11 };
    const check = (exp_month: number, exp_year: number) =>
      checkExpiry({ exp_month, exp_year }, today);
    expect(check(11, 2026)).to.equal('valid');
    expect(check(10, 2026)).to.equal('expired');
    expect(check(12, 2025)).to.equal('expired');
    expect(check(1, 2026 + MAX_EXPIRY_YEARS_AHEAD)).to.equal('valid');
    expect(check(1, 2027 + MAX_EXPIRY_YEARS_AHEAD)).to.equal('too_far');
    expect(check(13, 2030)).to.equal('invalid_month');
    expect(check(0, 2030)).to.equal('invalid_month');
  });
});

describe('error codes', () => {
  it('every gateway code has a type and a category', () => {
    for (const code of API_ERROR_CODES) {
      expect(API_ERROR_TYPES).to.include(apiErrorType(code));
      expect(ERROR_CATEGORIES).to.include(errorCategory(code));
    }
    expect(apiErrorType('card_declined')).to.equal('payment_error');
    expect(errorCategory('unauthorized')).to.equal('merchant');
    expect(errorCategory('rate_limited')).to.equal('network');
  });

  it('field errors are the customer’s; SDK errors have their own category', () => {
    for (const code of FIELD_ERROR_CODES) expect(errorCategory(code)).to.equal('customer');
    expect(errorCategory('missing_publishable_key')).to.equal('merchant');
    expect(errorCategory('network_error')).to.equal('network');
    expect(errorCategory('frame_not_ready')).to.equal('network');
  });

  it('only listed gateway codes pass to the page as they are', () => {
    for (const code of PASSED_API_ERROR_CODES) expect(API_ERROR_CODES).to.include(code);
    expect(isPassedApiErrorCode('validation_error')).to.equal(true);
    expect(isPassedApiErrorCode('token_not_found')).to.equal(false);
    expect(isPassedApiErrorCode(undefined)).to.equal(false);
  });
});

describe('publishable key', () => {
  it('takes pk_test_/pk_live_ keys only', () => {
    expect(isPublishableKey('pk_test_abc123')).to.equal(true);
    expect(isPublishableKey('pk_live_A_b')).to.equal(true);
    expect(isPublishableKey('sk_test_abc123')).to.equal(false);
    expect(isPublishableKey('pk_test_')).to.equal(false);
    expect(isPublishableKey(`pk_test_${'a'.repeat(201)}`)).to.equal(false);
    expect(isPublishableKey(42)).to.equal(false);
  });
});

describe('group messages use the protocol lists', () => {
  const base = { ns: 'pay-group', group: 'g1234567', key: '' };
  it('refuses an unknown part, brand or error code', () => {
    expect(
      isGroupMessage({ ...base, type: 'join', parts: ['number', 'pin'] }, 'g1234567'),
    ).to.equal(false);
    expect(isGroupMessage({ ...base, type: 'brand', brand: 'amex' }, 'g1234567')).to.equal(true);
    expect(isGroupMessage({ ...base, type: 'brand', brand: 'bankcard' }, 'g1234567')).to.equal(
      false,
    );
    const value = { part: 'cvc', value: '123' };
    expect(isGroupMessage({ ...base, type: 'push', values: [value], seq: 2 }, 'g1234567')).to.equal(
      true,
    );
    expect(
      isGroupMessage(
        { ...base, type: 'push', values: [{ ...value, error: 'no_such_code' }], seq: 2 },
        'g1234567',
      ),
    ).to.equal(false);
    // A push carries its values version: a whole number, from 0.
    for (const seq of [undefined, -1, 1.5, '2'])
      expect(isGroupMessage({ ...base, type: 'push', values: [value], seq }, 'g1234567')).to.equal(
        false,
      );
  });
});
