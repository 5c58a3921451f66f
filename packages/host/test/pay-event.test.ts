// emitFieldEvent and emitGroupEvent (pay-event.ts): how the SDK's pay-* events reach the page.
import { expect } from '@open-wc/testing';
import { emitFieldEvent, emitGroupEvent } from '../src/pay-event.js';
import { scratchContainer } from './scratch-container.js';

const container = scratchContainer();

/** A target inside an open shadow root, so that composed events are told from others. */
function shadowed(): HTMLElement {
  const host = document.createElement('div');
  container().append(host);
  const inner = document.createElement('span');
  host.attachShadow({ mode: 'open' }).append(inner);
  return inner;
}

describe('pay-* events', () => {
  it('bubble out of shadow roots to a listener on the document, with their detail', () => {
    const target = shadowed();
    const heard: CustomEvent[] = [];
    const listener = (event: Event) => heard.push(event as CustomEvent);
    document.addEventListener('pay-change', listener);
    try {
      const detail = { field: 'number', empty: false, complete: true, valid: true } as const;
      expect(emitFieldEvent(target, 'pay-change', detail)).to.equal(true);
      expect(heard).to.have.length(1);
      expect(heard[0]!.detail).to.equal(detail);
      expect(heard[0]!.bubbles).to.equal(true);
      expect(heard[0]!.composed).to.equal(true);
      expect(heard[0]!.cancelable).to.equal(false);
    } finally {
      document.removeEventListener('pay-change', listener);
    }
  });

  it('a group event reaches the page the same way', () => {
    const target = shadowed();
    let detail: unknown;
    container().addEventListener('pay-error', (event) => (detail = (event as CustomEvent).detail));
    emitGroupEvent(target, 'pay-error', { code: 'missing_gateway', message: 'no gateway' });
    expect(detail).to.deep.equal({ code: 'missing_gateway', message: 'no gateway' });
  });

  it('a cancelable event reports a listener that canceled it', () => {
    const target = shadowed();
    container().addEventListener('pay-submit', (event) => event.preventDefault(), { once: true });
    expect(emitFieldEvent(target, 'pay-submit', { field: 'cvc' }, true)).to.equal(false);
    expect(emitFieldEvent(target, 'pay-submit', { field: 'cvc' }, true)).to.equal(true);
  });

  it('an event that is not cancelable cannot be canceled', () => {
    const target = shadowed();
    container().addEventListener('pay-focus', (event) => event.preventDefault(), { once: true });
    expect(emitFieldEvent(target, 'pay-focus', { field: 'cvc' })).to.equal(true);
  });

  it('a field event that does not bubble reaches only its target', () => {
    const target = shadowed();
    let outside = 0;
    let own = 0;
    container().addEventListener('pay-ready', () => outside++);
    target.addEventListener('pay-ready', () => own++);
    emitFieldEvent(target, 'pay-ready', { field: 'cvc' }, false, false);
    expect([own, outside]).to.deep.equal([1, 0]);
  });
});
