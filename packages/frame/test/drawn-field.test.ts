// DrawnField (drawn-field.ts): the served field before the app runs, on a plain element whose
// shadow root holds the inputs as the served document draws them (`.parts`, an input per part
// with the part as its id), in a document served in French (its strings block).
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CardPart } from '@pay/protocol';
import fr from '../src/i18n/catalogs/fr.js';
import { DrawnField } from '../src/drawn-field.js';
import { STRINGS_ID } from '../src/i18n/served-strings.js';

const added: Element[] = [];
const servedDir = document.documentElement.dir;

/** The document's strings block, as the build writes it. */
function serveStrings(): void {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = STRINGS_ID;
  block.textContent = JSON.stringify({ locale: 'fr', catalog: fr });
  document.head.append(block);
  added.push(block);
}

/** A drawn form of `parts` (as its `parts` attribute says), in the page. */
function drawnForm(parts: string, style = 'display: block'): HTMLElement {
  const form = document.createElement('div');
  form.setAttribute('parts', parts);
  form.setAttribute('style', style);
  form.attachShadow({ mode: 'open' }).innerHTML = `<div class="parts">${parts
    .split(' ')
    .map((part) => `<input id="${part}">`)
    .join('')}</div>`;
  document.body.append(form);
  added.push(form);
  return form;
}

/**
 * One key press per character: WebKitWebDriver presses every key of a string before
 * releasing any, and WebKit then drops a repeated character.
 */
async function type(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  for (const character of text) await sendKeys({ type: character });
}

/** A value put in without a keystroke (autofill, a password manager, a drop). */
function fill(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const entries = (map: Map<CardPart, string>) => Object.fromEntries(map);

describe('drawn-field', () => {
  afterEach(() => {
    for (const element of added.splice(0)) element.remove();
    document.documentElement.dir = servedDir;
  });

  it('takes its parts from the form, leaving out what is no part', () => {
    const field = new DrawnField(drawnForm('number bogus cvc'));
    expect(field.parts).to.deep.equal(['number', 'cvc']);
    expect(field.inputOf('cvc')).to.equal(field.form.shadowRoot!.querySelector('#cvc'));
    expect(field.inputOf('expiry')).to.equal(null);
  });

  it('one part shows the page’s label and placeholder, its disabled state and direction', () => {
    serveStrings();
    const field = new DrawnField(drawnForm('number'));
    const input = field.inputOf('number')!;
    field.show({ label: 'Card', placeholder: '0000', disabled: true, dir: 'rtl' });
    expect(input.getAttribute('aria-label')).to.equal('Card');
    expect(input.placeholder).to.equal('0000');
    expect(input.disabled).to.equal(true);
    expect(document.documentElement.dir).to.equal('rtl');
    // Without the page's words: the served strings; enabled again; the direction stays.
    field.show({ label: '' });
    expect(input.getAttribute('aria-label')).to.equal(fr.number_label);
    expect(input.placeholder).to.equal(fr.number_placeholder);
    expect(input.disabled).to.equal(false);
    expect(document.documentElement.dir).to.equal('rtl');
    expect(field.title()).to.equal(fr.number_label);
  });

  it('combined, the page’s label names the group and each part speaks the frame’s strings', () => {
    serveStrings();
    const field = new DrawnField(drawnForm('number expiry cvc'));
    expect(field.title()).to.equal(fr.card_label);
    field.show({ label: 'Pay', placeholder: '0000', messages: { cvc_label: 'CVV' } });
    const group = field.form.shadowRoot!.querySelector('.parts')!;
    expect(group.getAttribute('aria-label')).to.equal('Pay');
    expect(field.inputOf('number')!.getAttribute('aria-label')).to.equal(fr.number_label);
    expect(field.inputOf('number')!.placeholder).to.equal(fr.number_placeholder);
    expect(field.inputOf('expiry')!.getAttribute('aria-label')).to.equal(fr.expiry_label);
    // The merchant's override wins over the served string.
    expect(field.inputOf('cvc')!.getAttribute('aria-label')).to.equal('CVV');
    expect(field.t('cvc_label')).to.equal('CVV');
    field.show({ label: '' });
    expect(group.getAttribute('aria-label')).to.equal(fr.card_label);
    expect(field.inputOf('cvc')!.getAttribute('aria-label')).to.equal(fr.cvc_label);
  });

  it('a document without strings names things by their keys', () => {
    const field = new DrawnField(drawnForm('cvc'));
    expect(field.title()).to.equal('cvc_label');
  });

  it('measures its height in whole CSS pixels', () => {
    const field = new DrawnField(drawnForm('number', 'display: block; height: 40.25px'));
    expect(field.height()).to.equal(41);
  });

  it('focuses the part asked for, else its first; blurs', () => {
    const field = new DrawnField(drawnForm('expiry cvc'));
    const root = field.form.shadowRoot!;
    field.focus('cvc');
    expect(root.activeElement).to.equal(field.inputOf('cvc'));
    for (const other of ['number', 'bogus', undefined]) {
      field.focus(other);
      expect(root.activeElement, String(other)).to.equal(field.inputOf('expiry'));
    }
    field.blur();
    expect(root.activeElement).to.equal(null);
  });

  it('keeps what is typed; holds a value without a keystroke out of the input for the app', async () => {
    const field = new DrawnField(drawnForm('number cvc'));
    const number = field.inputOf('number')!;
    const cvc = field.inputOf('cvc')!;
    await type(number, '42');
    await waitUntil(() => number.value === '42', 'the keys never arrived', { timeout: 5000 });

    // Autofill of both: the typed number comes back, the CVC stays empty; both are held.
    fill(number, '4242424242424242');
    fill(cvc, '737');
    expect(number.value).to.equal('42');
    expect(cvc.value).to.equal('');
    // A beforeinput a script dispatches is no keystroke either.
    cvc.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, inputType: 'insertText' }));
    fill(cvc, '738');
    expect(cvc.value).to.equal('');

    // The shopper types in the number after the fill: their own edit wins over it.
    await type(number, '1');
    await waitUntil(() => number.value === '421', 'the key never arrived', { timeout: 5000 });

    const inputs = field.handOver();
    expect(entries(inputs.typed)).to.deep.equal({ number: '421' });
    expect(entries(inputs.held)).to.deep.equal({ cvc: '738' });
    // Handed over: the app's fill guard judges from now on; nothing here takes values out.
    fill(cvc, '739');
    expect(cvc.value).to.equal('739');
    expect(entries(field.handOver().held)).to.deep.equal({ cvc: '738' });
  });

  it('clear() empties the inputs and forgets what was typed and held', async () => {
    const field = new DrawnField(drawnForm('number cvc'));
    const number = field.inputOf('number')!;
    await type(number, '4');
    await waitUntil(() => number.value === '4', 'the key never arrived', { timeout: 5000 });
    fill(field.inputOf('cvc')!, '737');
    field.clear();
    expect(number.value).to.equal('');
    // A later fill of the number leaves nothing typed behind in it.
    fill(number, '4242424242424242');
    expect(number.value).to.equal('');
    const inputs = field.handOver();
    expect(entries(inputs.typed)).to.deep.equal({});
    expect(entries(inputs.held)).to.deep.equal({ number: '4242424242424242' });
  });
});
