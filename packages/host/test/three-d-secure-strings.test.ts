// dialogLocale and DIALOG_STRINGS (three-d-secure-strings.ts): the 3-D Secure dialog's language.
import { expect } from '@open-wc/testing';
import { DIALOG_STRINGS, dialogLocale } from '../src/three-d-secure-strings.js';

let lang: string;

beforeEach(() => {
  lang = document.documentElement.lang;
});

afterEach(() => {
  document.documentElement.lang = lang;
});

describe('dialogLocale', () => {
  it('a shipped language, with or without a region, in any case', () => {
    expect(dialogLocale('fr')).to.equal('fr');
    expect(dialogLocale('fr-CA')).to.equal('fr');
    expect(dialogLocale('pt_BR')).to.equal('pt');
    expect(dialogLocale('DE-at')).to.equal('de');
    expect(dialogLocale('ja-JP-u-ca-japanese')).to.equal('ja');
  });

  it('a language it does not ship, or no language: English', () => {
    expect(dialogLocale('zz')).to.equal('en');
    expect(dialogLocale('tlh-KL')).to.equal('en');
    expect(dialogLocale('-fr')).to.equal('en');
    expect(dialogLocale('frr')).to.equal('en');
  });

  it('hostile tags name no language: prototype keys are not the table', () => {
    for (const tag of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '<script>']) {
      expect(dialogLocale(tag), tag).to.equal('en');
    }
  });

  it('auto, or none: the page language', () => {
    document.documentElement.lang = 'nl-BE';
    expect(dialogLocale(undefined)).to.equal('nl');
    expect(dialogLocale('auto')).to.equal('nl');
    expect(dialogLocale('')).to.equal('nl');
    expect(dialogLocale('sv')).to.equal('sv');
  });

  it('no page language: the browser language', () => {
    document.documentElement.lang = '';
    const browser = navigator.language.split(/[-_]/)[0]!.toLowerCase();
    const expected = Object.hasOwn(DIALOG_STRINGS, browser) ? browser : 'en';
    expect(dialogLocale(undefined)).to.equal(expected);
  });
});

describe('DIALOG_STRINGS', () => {
  it('every language has its three strings, and a translation of its own', () => {
    for (const [locale, strings] of Object.entries(DIALOG_STRINGS)) {
      expect(Object.keys(strings), locale).to.have.members(['dialog', 'close', 'frame']);
      for (const text of Object.values(strings)) expect(text, locale).to.have.length.above(0);
      if (locale !== 'en') expect(strings.close, locale).to.not.equal(DIALOG_STRINGS.en.close);
    }
  });
});
