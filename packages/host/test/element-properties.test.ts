// reflect and upgradeProperties (element-properties.ts): properties that are attributes, and
// properties a framework set before the element was defined.
import { expect } from '@open-wc/testing';
import { reflect, upgradeProperties } from '../src/element-properties.js';

describe('reflect', () => {
  it('sets the attribute to the value as text', () => {
    const node = document.createElement('div');
    reflect(node, 'locale', 'fr');
    reflect(node, 'tabindex', 3);
    reflect(node, 'auto-advance', false);
    expect(node.getAttribute('locale')).to.equal('fr');
    expect(node.getAttribute('tabindex')).to.equal('3');
    expect(node.getAttribute('auto-advance')).to.equal('false');
  });

  it('removes it for null and undefined, and keeps an empty string', () => {
    const node = document.createElement('div');
    node.setAttribute('a', 'x');
    node.setAttribute('b', 'x');
    reflect(node, 'a', null);
    reflect(node, 'b', undefined);
    reflect(node, 'c', '');
    expect(node.hasAttribute('a')).to.equal(false);
    expect(node.hasAttribute('b')).to.equal(false);
    expect(node.getAttribute('c')).to.equal('');
  });
});

describe('upgradeProperties', () => {
  /** Defines a fresh element whose `locale` accessor records what it was set to. */
  let serial = 0;
  function defineUpgraded(): string {
    const tag = `pay-test-upgrade-${++serial}`;
    customElements.define(
      tag,
      class extends HTMLElement {
        seen: unknown[] = [];
        constructor() {
          super();
          upgradeProperties(this, ['locale']);
        }
        get locale(): string | null {
          return this.getAttribute('locale');
        }
        set locale(value: string | null) {
          this.seen.push(value);
          reflect(this, 'locale', value);
        }
      },
    );
    return tag;
  }
  type Upgraded = HTMLElement & { locale: unknown; other?: unknown; seen: unknown[] };

  it('a property set before the element was defined goes through its accessor', () => {
    const tag = `pay-test-upgrade-${serial + 1}`;
    const node = document.createElement(tag) as Upgraded;
    node.locale = 'de'; // an own property: no accessor yet
    expect(node.hasAttribute('locale')).to.equal(false);
    defineUpgraded();
    customElements.upgrade(node);
    expect(Object.prototype.hasOwnProperty.call(node, 'locale')).to.equal(false);
    expect(node.seen).to.deep.equal(['de']);
    expect(node.getAttribute('locale')).to.equal('de');
    expect(node.locale).to.equal('de');
  });

  it('keeps a null set early: the attribute goes', () => {
    const tag = `pay-test-upgrade-${serial + 1}`;
    const node = document.createElement(tag) as Upgraded;
    node.setAttribute('locale', 'fr');
    node.locale = null;
    defineUpgraded();
    customElements.upgrade(node);
    expect(node.seen).to.deep.equal([null]);
    expect(node.hasAttribute('locale')).to.equal(false);
  });

  it('leaves alone properties not set, and names it is not given', () => {
    const tag = `pay-test-upgrade-${serial + 1}`;
    const node = document.createElement(tag) as Upgraded;
    node.setAttribute('locale', 'it');
    node.other = 'x';
    defineUpgraded();
    customElements.upgrade(node);
    expect(node.seen).to.deep.equal([]);
    expect(node.other).to.equal('x');
    expect(node.getAttribute('locale')).to.equal('it');
  });
});
