import './served-english.js';
import { expect, fixture, html } from '@open-wc/testing';
import {
  LOCALES,
  MESSAGE_ERROR_CODES,
  UI_STRING_KEYS,
  resolveLocale,
  readFrameParams,
  sanitizeMessages,
} from '@pay/protocol';
import '../src/components/card-form.js';
import type { PayCardForm } from '../src/components/card-form.js';
import { CATALOG_LOADERS } from '../src/i18n/catalog-loaders.js';
import {
  currentLocale,
  setDirection,
  setLocale,
  setOverrides,
  t,
} from '../src/i18n/frame-locale.js';
import { errorMessage } from '../src/card-rules/error-messages.js';
import { parseFrameConfig } from '../src/frame-config.js';

afterEach(async () => {
  setOverrides({});
  setDirection('ltr');
  await setLocale('en');
});

describe('frame locale', () => {
  it('every catalog has every key, each a non-empty string', async () => {
    const keys = [...MESSAGE_ERROR_CODES, ...UI_STRING_KEYS].sort();
    for (const [locale, load] of Object.entries(CATALOG_LOADERS)) {
      const catalog = (await load()).default;
      expect(Object.keys(catalog).sort(), locale).to.deep.equal(keys);
      for (const value of Object.values(catalog)) expect(value.trim(), locale).to.not.equal('');
    }
    expect(Object.keys(CATALOG_LOADERS).sort()).to.deep.equal([...LOCALES].sort());
  });

  it('resolves a tag to its language, else English', () => {
    expect(resolveLocale('fr-CA')).to.equal('fr');
    expect(resolveLocale('pt_BR')).to.equal('pt');
    expect(resolveLocale('AR')).to.equal('ar');
    expect(resolveLocale('xx')).to.equal('en');
    expect(resolveLocale('../fr')).to.equal('en');
    expect(resolveLocale(undefined)).to.equal('en');
  });

  it('a frame URL with an unknown locale or direction in its config keeps neither', () => {
    const hash = (config: object) =>
      `#${new URLSearchParams({
        origin: 'https://shop.example',
        group: 'abcdefgh12',
        id: 'frame12345',
        config: JSON.stringify(config),
      })}`;
    const read = (config: object) => parseFrameConfig(readFrameParams(hash(config))?.config);
    expect(read({ label: '', locale: 'fr', dir: 'rtl' })).to.include({ locale: 'fr', dir: 'rtl' });
    const hostile = read({ label: '', locale: '../x', dir: 'sideways' });
    expect(hostile).to.not.have.property('locale');
    expect(hostile).to.not.have.property('dir');
  });

  it('loads a language, sets the document lang, and keeps the error codes', async () => {
    await setLocale('fr');
    expect(currentLocale()).to.equal('fr');
    expect(document.documentElement.lang).to.equal('fr');
    expect(errorMessage('incomplete_number')).to.equal('Le numéro de carte est incomplet.');
    expect(errorMessage('unauthorized')).to.equal('Vérifiez les informations de votre carte.');
    await setLocale('not-a-locale');
    expect(currentLocale()).to.equal('en');
    expect(t('number_label')).to.equal('Card number');
  });

  it('overrides win over the catalog; unknown keys and non-strings are dropped', async () => {
    await setLocale('de');
    setOverrides(sanitizeMessages({ incomplete_cvc: 'CVC fehlt', bogus: 'x', number_label: 42 }));
    expect(t('incomplete_cvc')).to.equal('CVC fehlt');
    expect(t('number_label')).to.equal('Kartennummer');
    expect(sanitizeMessages({ name_label: 'x'.repeat(500) }).name_label).to.have.length(200);
  });

  it('a form re-renders in the new language, digits stay LTR', async () => {
    const el = await fixture<PayCardForm>(
      html`<pay-card-form parts="number name"></pay-card-form>`,
    );
    expect(el.inputOf('number')!.getAttribute('aria-label')).to.equal('Card number');
    await setLocale('ja');
    setDirection('rtl');
    await el.updateComplete;
    expect(el.inputOf('number')!.getAttribute('aria-label')).to.equal('カード番号');
    expect(el.inputOf('number')!.dir).to.equal('ltr');
    expect(el.inputOf('name')!.dir).to.equal('auto');
    expect(getComputedStyle(el.inputOf('number')!).direction).to.equal('ltr');
  });
});
