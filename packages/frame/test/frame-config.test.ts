import { expect } from '@open-wc/testing';
import { applyStyles, loadFonts, parseFrameConfig } from '../src/frame-config.js';

describe('frame-config', () => {
  describe('parseFrameConfig', () => {
    it('anything but an object is no config', () => {
      for (const input of [null, undefined, 'label', 42, true]) {
        expect(parseFrameConfig(input), String(input)).to.equal(null);
      }
    });

    it('an empty object is a config with an empty label and nothing else turned on', () => {
      expect(parseFrameConfig({})).to.deep.equal({
        label: '',
        styles: {},
        fonts: [],
        disabled: false,
      });
    });

    it('keeps a well-formed config', () => {
      const config = parseFrameConfig({
        label: 'Card number',
        placeholder: '1234 1234 1234 1234',
        publishableKey: 'pk_live_abc_123',
        styles: { '--pay-color': '#333' },
        disabled: true,
        locale: 'fr',
        dir: 'rtl',
        messages: { incomplete_number: 'Numéro incomplet' },
        acceptedBrands: ['visa', 'amex'],
        preferredNetwork: 'cartes_bancaires',
        autoAdvance: true,
        theme: 'night',
      });
      expect(config).to.deep.equal({
        label: 'Card number',
        placeholder: '1234 1234 1234 1234',
        publishableKey: 'pk_live_abc_123',
        styles: { '--pay-color': '#333' },
        fonts: [],
        disabled: true,
        locale: 'fr',
        dir: 'rtl',
        messages: { incomplete_number: 'Numéro incomplet' },
        acceptedBrands: ['visa', 'amex'],
        preferredNetwork: 'cartes_bancaires',
        autoAdvance: true,
        theme: 'night',
      });
    });

    it('keeps only the themes the frame has', () => {
      for (const theme of ['default', 'flat', 'night', 'none'])
        expect(parseFrameConfig({ theme })!.theme, theme).to.equal(theme);
      for (const theme of ['Night', 'dark', ' flat', 42, { toString: () => 'flat' }])
        expect(parseFrameConfig({ theme }), String(theme)).not.to.have.property('theme');
    });

    it('cuts long texts and drops texts that are not strings', () => {
      const config = parseFrameConfig({ label: 'L'.repeat(500), placeholder: 'P'.repeat(500) })!;
      expect(config.label).to.have.length(200);
      expect(config.placeholder).to.have.length(100);
      const odd = parseFrameConfig({ label: { toString: () => 'x' }, placeholder: 7 })!;
      expect(odd.label).to.equal('');
      expect(odd).not.to.have.property('placeholder');
      expect(parseFrameConfig({ placeholder: '' })).not.to.have.property('placeholder');
    });

    it('takes only a publishable key: never a secret key or a malformed one', () => {
      for (const key of [
        'sk_live_abc',
        'sk_test_abc',
        'pk_prod_abc',
        'pk_test_',
        'pk_test_abc def',
        'pk_test_abc\nx',
        'pk_test_../../v1',
        `pk_test_${'a'.repeat(201)}`,
        42,
        ['pk_test_abc'],
      ]) {
        expect(parseFrameConfig({ publishableKey: key }), String(key)).not.to.have.property(
          'publishableKey',
        );
      }
    });

    it('flags are on only when exactly true', () => {
      for (const value of ['true', 1, {}, 'yes']) {
        const config = parseFrameConfig({ disabled: value, autoAdvance: value })!;
        expect(config.disabled, String(value)).to.equal(false);
        expect(config, String(value)).not.to.have.property('autoAdvance');
      }
    });

    it('a locale off the list, a path or an unknown direction is left out', () => {
      for (const locale of ['xx', '../../../etc/passwd', 'fr-CA', 'EN', '', 'en/../ar']) {
        expect(parseFrameConfig({ locale }), locale).not.to.have.property('locale');
      }
      for (const dir of ['auto', 'RTL', '']) {
        expect(parseFrameConfig({ dir }), dir).not.to.have.property('dir');
      }
    });

    it('keeps the allowlisted styles with safe values only', () => {
      const config = parseFrameConfig({
        styles: {
          '--pay-color': 'red',
          '--pay-background': 'url(https://evil.example/x)',
          '--pay-font-size': '16px; background: url(x)',
          '--pay-padding': '4px 8px',
          color: 'red',
          '--other': 'blue',
        },
      })!;
      expect(config.styles).to.deep.equal({ '--pay-color': 'red', '--pay-padding': '4px 8px' });
    });

    it('keeps only known message keys with text', () => {
      const config = parseFrameConfig({
        messages: { incomplete_number: 'Too short', not_a_key: 'x', incomplete_cvc: '   ' },
      })!;
      expect(config.messages).to.deep.equal({ incomplete_number: 'Too short' });
      expect(parseFrameConfig({ messages: { nope: 'x' } })).not.to.have.property('messages');
    });

    it('keeps the known brands of a list no longer than the brands there are', () => {
      expect(
        parseFrameConfig({ acceptedBrands: ['visa', 'bogus', 7, 'amex'] }),
      ).to.have.deep.property('acceptedBrands', ['visa', 'amex']);
      expect(parseFrameConfig({ acceptedBrands: [] })).to.have.deep.property('acceptedBrands', []);
      expect(
        parseFrameConfig({ acceptedBrands: new Array(100).fill('visa') }),
      ).not.to.have.property('acceptedBrands');
      expect(parseFrameConfig({ acceptedBrands: 'visa' })).not.to.have.property('acceptedBrands');
      expect(parseFrameConfig({ preferredNetwork: 'bogus' })).not.to.have.property(
        'preferredNetwork',
      );
    });

    it('what a config inherits from a hostile prototype adds nothing', () => {
      const inherited = Object.create({ publishableKey: 'sk_live_x', disabled: 'true' }) as object;
      const config = parseFrameConfig(inherited)!;
      expect(config).not.to.have.property('publishableKey');
      expect(config.disabled).to.equal(false);
    });
  });

  describe('applyStyles', () => {
    const root = document.documentElement.style;
    let saved: string;

    beforeEach(() => {
      saved = root.cssText;
    });

    afterEach(() => {
      root.cssText = saved;
      delete document.documentElement.dataset.theme;
    });

    it('sets the given --pay-* properties on the document', () => {
      applyStyles({ '--pay-color': 'red', '--pay-font-size': '18px' });
      expect(root.getPropertyValue('--pay-color').trim()).to.equal('red');
      expect(root.getPropertyValue('--pay-font-size').trim()).to.equal('18px');
    });

    it("removes an earlier configuration's --pay-* properties, and only those", () => {
      root.setProperty('--not-pay', '1');
      root.setProperty('color', 'blue');
      applyStyles({ '--pay-color': 'red', '--pay-background': 'white' });
      applyStyles({ '--pay-color': 'green' });
      expect(root.getPropertyValue('--pay-color').trim()).to.equal('green');
      expect(root.getPropertyValue('--pay-background')).to.equal('');
      expect(root.getPropertyValue('--not-pay').trim()).to.equal('1');
      expect(root.getPropertyValue('color')).to.equal('blue');
      applyStyles({});
      expect(root.getPropertyValue('--pay-color')).to.equal('');
    });

    it('puts the theme on the document (default when none is given)', () => {
      applyStyles({}, 'night');
      expect(document.documentElement.dataset.theme).to.equal('night');
      applyStyles({});
      expect(document.documentElement.dataset.theme).to.equal('default');
    });
  });

  describe('loadFonts', () => {
    it('no fonts resolves at once, without waiting for the font timeout', async () => {
      let settled = false;
      const done = loadFonts([]).then(() => (settled = true));
      await Promise.resolve();
      await Promise.resolve();
      expect(settled).to.equal(true);
      await done;
    });
  });
});
