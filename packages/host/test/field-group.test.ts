// closestGroup (field-group.ts): which <pay-card-fields> a field joins.
import { expect } from '@open-wc/testing';
import { closestGroup, GROUP_TAG } from '../src/field-group.js';
import { scratchContainer } from './scratch-container.js';

const container = scratchContainer();

function tree(html: string): void {
  container().innerHTML = html;
}

const byId = (id: string) => container().querySelector(`#${id}`)!;

describe('closestGroup', () => {
  it('the tag is pay-card-fields', () => {
    expect(GROUP_TAG).to.equal('pay-card-fields');
  });

  it('a field joins the group around it, however deep', () => {
    tree(
      '<pay-card-fields id="g"><div><label><span id="f"></span></label></div></pay-card-fields>',
    );
    expect(closestGroup(byId('f'))).to.equal(byId('g'));
  });

  it('nested groups: the nearest one', () => {
    tree(
      '<pay-card-fields id="outer"><span id="a"></span>' +
        '<pay-card-fields id="inner"><span id="b"></span></pay-card-fields></pay-card-fields>',
    );
    expect(closestGroup(byId('a'))).to.equal(byId('outer'));
    expect(closestGroup(byId('b'))).to.equal(byId('inner'));
  });

  it('no group around it, or detached: none', () => {
    tree('<pay-card-fields></pay-card-fields><span id="f"></span>');
    expect(closestGroup(byId('f'))).to.equal(null);
    expect(closestGroup(document.createElement('span'))).to.equal(null);
  });

  it('a look-alike is no group: another tag, a class or an attribute of the name', () => {
    tree(
      '<pay-card-field><div class="pay-card-fields" pay-card-fields>' +
        '<span id="f"></span></div></pay-card-field>',
    );
    expect(closestGroup(byId('f'))).to.equal(null);
  });

  it('a group does not reach into a shadow root', () => {
    tree('<pay-card-fields><div id="host"></div></pay-card-fields>');
    const field = document.createElement('span');
    byId('host').attachShadow({ mode: 'open' }).append(field);
    expect(closestGroup(field)).to.equal(null);
  });
});
