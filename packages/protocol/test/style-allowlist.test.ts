import { expect } from '@open-wc/testing';
import { isFontSource, sanitizeStyles } from '../src/style-allowlist.js';
import { readFrameParams, frameUrl } from '../src/frame-params.js';

describe('style allowlist', () => {
  it('keeps allowlisted properties with well-shaped values', () => {
    expect(
      sanitizeStyles({
        '--pay-color': '#1a1a1a',
        '--pay-font-size': '18px',
        '--pay-font-family': '"Inter", system-ui, sans-serif',
        '--pay-invalid-color': 'rgb(200, 0, 0)',
        '--pay-padding': '8px 10px',
        '--pay-border-color': '#7a808a',
        '--pay-border-radius': '4px 4px 0 0',
      }),
    ).to.deep.equal({
      '--pay-color': '#1a1a1a',
      '--pay-font-size': '18px',
      '--pay-font-family': '"Inter", system-ui, sans-serif',
      '--pay-invalid-color': 'rgb(200, 0, 0)',
      '--pay-padding': '8px 10px',
      '--pay-border-color': '#7a808a',
      '--pay-border-radius': '4px 4px 0 0',
    });
  });

  it('drops url(), expressions, declarations smuggled in values and unknown properties', () => {
    expect(
      sanitizeStyles({
        '--pay-background': 'url(https://evil.example/x.png)',
        '--pay-color': 'expression(alert(1))',
        '--pay-font-family': 'a; background: url(x)',
        '--pay-font-size': '1e9px',
        '--pay-line-height': '}',
        '--pay-border-color': 'var(--x)',
        '--pay-border-radius': '6px / 2px',
        'background-image': 'none',
        __proto__: { '--pay-color': 'red' },
      }),
    ).to.deep.equal({});
    expect(sanitizeStyles('--pay-color: red')).to.deep.equal({});
  });

  it('takes https fonts only', () => {
    expect(isFontSource({ family: 'Inter', src: 'https://fonts.example/inter.woff2' })).to.equal(
      true,
    );
    expect(isFontSource({ family: 'Inter', src: 'http://fonts.example/inter.woff2' })).to.equal(
      false,
    );
    expect(isFontSource({ family: 'Inter', src: 'https://x.example/a.woff2) url(y' })).to.equal(
      false,
    );
    expect(isFontSource({ family: 'a;b', src: 'https://fonts.example/inter.woff2' })).to.equal(
      false,
    );
  });
});

describe('frame parameters', () => {
  it('round-trip through the URL fragment', () => {
    const config = { label: 'Kortnummer', locale: 'sv' as const, dir: 'rtl' as const };
    const url = new URL(
      frameUrl('http://localhost:8787', {
        kind: 'cvc',
        origin: 'https://shop.example',
        group: 'abcdef0123456789',
        id: 'frame0123456789',
        config,
      }),
    );
    // A document per kind and locale; the page's origin, group, id and config stay in the
    // fragment, which no server sees.
    expect(url.pathname).to.equal('/frame/v1/sv/cvc.html');
    expect(url.search).to.equal('');
    expect(readFrameParams(url.hash)).to.deep.equal({
      origin: 'https://shop.example',
      group: 'abcdef0123456789',
      id: 'frame0123456789',
      config,
    });
  });

  it('refuse a wildcard or malformed host origin, group or frame id', () => {
    const good = { origin: 'https://shop.example', group: 'abcdef0123456789', id: 'f0123456789' };
    for (const bad of [
      { origin: '*' },
      { origin: 'null' },
      { origin: 'https://shop.example/' },
      { origin: 'ftp://x.example' },
      { group: 'short' },
      { id: '../../x' },
      { id: '' },
    ]) {
      const hash = new URLSearchParams({ ...good, ...bad }).toString();
      expect(readFrameParams(hash), JSON.stringify(bad)).to.equal(null);
    }
  });

  it('a config that is not JSON is none', () => {
    const hash = new URLSearchParams({
      origin: 'https://shop.example',
      group: 'abcdef0123456789',
      id: 'f0123456789',
      config: '{not json',
    }).toString();
    expect(readFrameParams(hash)?.config).to.equal(null);
  });
});
