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
      }),
    ).to.deep.equal({
      '--pay-color': '#1a1a1a',
      '--pay-font-size': '18px',
      '--pay-font-family': '"Inter", system-ui, sans-serif',
      '--pay-invalid-color': 'rgb(200, 0, 0)',
      '--pay-padding': '8px 10px',
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
    const url = new URL(
      frameUrl('http://localhost:8787', {
        kind: 'cvc',
        origin: 'https://shop.example',
        group: 'abcdef0123456789',
        locale: 'sv',
        dir: 'rtl',
      }),
    );
    expect(url.pathname).to.equal('/frame/v1/index.html');
    // Only the kind reaches the gateway (a URL per kind); the page's origin and group do not.
    expect(url.search).to.equal('?field=cvc');
    expect(readFrameParams(url.hash)).to.deep.equal({
      kind: 'cvc',
      origin: 'https://shop.example',
      group: 'abcdef0123456789',
      locale: 'sv',
      dir: 'rtl',
    });
  });

  it('refuse a wildcard or malformed host origin', () => {
    for (const origin of ['*', 'null', 'https://shop.example/', 'ftp://x.example']) {
      const hash = new URLSearchParams({
        kind: 'number',
        origin,
        group: 'abcdef0123456789',
      }).toString();
      expect(readFrameParams(hash)).to.equal(null);
    }
    expect(
      readFrameParams('kind=pin&origin=https%3A%2F%2Fshop.example&group=abcdef0123456789'),
    ).to.equal(null);
  });
});
