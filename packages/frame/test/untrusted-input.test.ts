import { expect } from '@open-wc/testing';
import { parseFrameConfig } from '../src/frame-config.js';
import { parseTokenizeRequest } from '../src/tokenize-group.js';

describe('what the host page sends is checked in the frame', () => {
  it('rejects a config that is not an object', () => {
    for (const input of [null, undefined, 'label', 42])
      expect(parseFrameConfig(input)).to.equal(null);
  });

  it('keeps only well-formed config fields', () => {
    const config = parseFrameConfig({
      label: 'Card number',
      publishableKey: 'sk_test_secret',
      styles: { '--pay-color': 'red', '--pay-background': 'url(https://evil.example)' },
      fonts: [{ family: 'Inter', src: 'http://insecure.example/inter.woff2' }],
      disabled: 'yes',
      extra: '<script>',
    });
    expect(config).to.deep.equal({
      label: 'Card number',
      styles: { '--pay-color': 'red' },
      fonts: [],
      disabled: false,
    });
  });

  it('keeps a locale and direction from the list only, and known string overrides', () => {
    const config = parseFrameConfig({
      label: '',
      locale: '../../fr',
      dir: 'sideways',
      messages: { incomplete_cvc: 'CVC?', __proto__: { x: 1 }, toString: 'x', number_label: {} },
    });
    expect(config).to.not.have.property('locale');
    expect(config).to.not.have.property('dir');
    expect(config?.messages).to.deep.equal({ incomplete_cvc: 'CVC?' });
    expect(parseFrameConfig({ label: '', locale: 'ar', dir: 'rtl' })).to.include({
      locale: 'ar',
      dir: 'rtl',
    });
  });

  it('keeps known brands, a known network and a true auto-advance only', () => {
    const config = parseFrameConfig({
      label: '',
      acceptedBrands: ['visa', 'bogus', 7],
      preferredNetwork: 'nope',
      autoAdvance: 'yes',
    });
    expect(config?.acceptedBrands).to.deep.equal(['visa']);
    expect(config?.preferredNetwork).to.equal(undefined);
    expect(config?.autoAdvance).to.equal(undefined);
    expect(
      parseFrameConfig({ label: '', preferredNetwork: 'cartes_bancaires', autoAdvance: true }),
    ).to.include({ preferredNetwork: 'cartes_bancaires', autoAdvance: true });
  });

  it('accepts a publishable key, not a secret one', () => {
    expect(parseFrameConfig({ label: '', publishableKey: 'pk_test_abc' })?.publishableKey).to.equal(
      'pk_test_abc',
    );
    expect(parseFrameConfig({ label: '', publishableKey: 'sk_live_abc' })?.publishableKey).to.equal(
      undefined,
    );
  });

  it('rejects malformed tokenize requests', () => {
    expect(parseTokenizeRequest({ parts: ['number', 'expiry', 'cvc'] })).to.deep.equal({
      parts: ['number', 'expiry', 'cvc'],
      after: {},
    });
    // Values versions: known parts and whole non-negative numbers only.
    expect(
      parseTokenizeRequest({
        parts: ['number', 'expiry', 'cvc'],
        after: { cvc: 3, expiry: -1, pin: 2, number: 1.5, __proto__: { x: 1 } },
      })?.after,
    ).to.deep.equal({ cvc: 3 });
    for (const input of [
      null,
      { parts: 'number' },
      { parts: ['number', 'expiry'] },
      { parts: ['number', 'expiry', 'cvc', 'pin'] },
      { parts: ['number', 'expiry', 'cvc'], cardholderName: 42 },
      { parts: ['number', 'expiry', 'cvc'], cardholderName: 'x'.repeat(65) },
    ]) {
      expect(parseTokenizeRequest(input)).to.equal(null);
    }
  });
});
