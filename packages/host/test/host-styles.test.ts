// readFrameStyles (host-styles.ts): which `--pay-*` custom properties of the page reach the
// frames. Only the listed names are forwarded, as computed for the element (inherited too), and
// the page's font family when the merchant set no `--pay-font-family`.
import { expect } from '@open-wc/testing';
import { STYLE_PROPERTIES } from '@pay/protocol';
import { readFrameStyles } from '../src/host-styles.js';
import { scratchContainer } from './scratch-container.js';

const container = scratchContainer();

function element(css = ''): HTMLElement {
  const node = document.createElement('span');
  node.style.cssText = css;
  container().append(node);
  return node;
}

/** What is forwarded for the page's font when `--pay-font-family` is not set. */
const pageFont = { '--pay-font-family': 'Georgia, serif' };

describe('readFrameStyles', () => {
  beforeEach(() => {
    container().style.fontFamily = 'Georgia, serif';
  });

  it("nothing set: the page's font family only", () => {
    expect(readFrameStyles(element())).to.deep.equal(pageFont);
  });

  it("the merchant's --pay-font-family over the page's font", () => {
    expect(readFrameStyles(element('--pay-font-family: Verdana'))).to.deep.equal({
      '--pay-font-family': 'Verdana',
    });
  });

  it('forwards the listed properties, trimmed', () => {
    const styles = readFrameStyles(
      element('--pay-color: #123456; --pay-font-size:   18px  ; --pay-font-family: Georgia, serif'),
    );
    expect(styles).to.deep.equal({
      '--pay-color': '#123456',
      '--pay-font-size': '18px',
      '--pay-font-family': 'Georgia, serif',
    });
  });

  it('reads every listed property', () => {
    const css = STYLE_PROPERTIES.map((property, i) => `${property}: v${i}`).join(';');
    const styles = readFrameStyles(element(css));
    expect(Object.keys(styles)).to.have.members([...STYLE_PROPERTIES]);
    STYLE_PROPERTIES.forEach((property, i) => expect(styles[property]).to.equal(`v${i}`));
  });

  it('leaves out custom properties it does not list, and ordinary CSS', () => {
    const styles = readFrameStyles(
      element(
        'color: red; font-size: 30px; --pay-colour: red; --pay: red; --other-color: red; ' +
          '--PAY-COLOR: red; --pay-color-x: red; --pay-background: white',
      ),
    );
    expect(styles).to.deep.equal({ '--pay-background': 'white', ...pageFont });
  });

  it('reads what the element inherits from the page, and its own value over it', () => {
    container().style.cssText = '--pay-color: navy; --pay-background: ivory';
    expect(readFrameStyles(element('--pay-color: teal'))).to.deep.equal({
      '--pay-color': 'teal',
      '--pay-background': 'ivory',
      '--pay-font-family': getComputedStyle(container()).fontFamily,
    });
  });

  it('reads style sheets too', () => {
    const sheet = document.createElement('style');
    sheet.textContent = '.pay-test-sheet { --pay-caret-color: orange }';
    container().append(sheet);
    const node = element();
    node.className = 'pay-test-sheet';
    expect(readFrameStyles(node)).to.deep.equal({ '--pay-caret-color': 'orange', ...pageFont });
  });

  it('passes a hostile value on as text for the frame to check, and never adds a name', () => {
    const styles = readFrameStyles(element('--pay-color: url(https://evil.example/x)'));
    expect(Object.keys(styles)).to.deep.equal(['--pay-color', '--pay-font-family']);
    // Serialized as the engine does (WebKit escapes it): text, not a parsed value.
    expect(styles['--pay-color']).to.be.a('string').that.contains('evil');
  });
});
