import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartRules } from '../src/card-rules/part-rules.js';
import { FormattingController } from '../src/controllers/formatting-controller.js';

/** Digits in groups of four, at most eight: "12345" → "1234 5". */
const rules: PartRules = {
  part: 'number',
  significant: /\d/,
  format: (raw) =>
    raw
      .replace(/\D/g, '')
      .slice(0, 8)
      .replace(/(\d{4})(?=\d)/g, '$1 '),
  assess: () => ({ empty: true, complete: false, eager: false }),
};

class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  readonly renderRoot = document.createElement('div');
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
}

describe('formatting-controller', () => {
  let host: Host;
  let input: HTMLInputElement;
  let values: string[];
  let verdict: boolean | Promise<boolean>;
  let controller: FormattingController;

  beforeEach(() => {
    host = new Host();
    input = document.createElement('input');
    host.renderRoot.append(input);
    document.body.append(host.renderRoot);
    values = [];
    verdict = true;
    controller = new FormattingController(host, {
      rules,
      input: () => input,
      context: () => ({ brand: null, now: new Date(2030, 0, 1) }),
      onValue: (value) => values.push(value),
      admit: () => verdict,
    });
    for (const c of host.controllers) c.hostConnected?.();
  });

  afterEach(() => {
    for (const c of host.controllers) c.hostDisconnected?.();
    host.renderRoot.remove();
  });

  /** What the browser does for an edit: the new value and caret, then `input`. */
  function edit(value: string, caret: number): void {
    input.value = value;
    input.setSelectionRange(caret, caret);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  }

  function beforeInput(inputType: string, caret: number): InputEvent {
    input.setSelectionRange(caret, caret);
    const event = new InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType });
    input.dispatchEvent(event);
    return event;
  }

  it('formats an edit and keeps the caret after the same digits', () => {
    edit('12345', 5);
    expect(input.value).to.equal('1234 5');
    expect(input.selectionStart).to.equal(6);
    expect(controller.value).to.equal('1234 5');
    expect(values).to.deep.equal(['1234 5']);
    // A digit typed in the middle: "12|34 5" → "12934 5", caret after the 9.
    edit('1293 45', 3);
    expect(input.value).to.equal('1293 45');
    expect(input.selectionStart).to.equal(3);
    edit('129x3 45', 4);
    expect(input.value).to.equal('1293 45');
    expect(input.selectionStart).to.equal(3);
  });

  it('Backspace just after a separator deletes the digit before it', () => {
    edit('12345', 5);
    const event = beforeInput('deleteContentBackward', 5);
    expect(event.defaultPrevented).to.equal(true);
    expect(input.value).to.equal('1235');
    expect(input.selectionStart).to.equal(3);
  });

  it('Delete just before a separator deletes the digit after it', () => {
    edit('123456', 6);
    const event = beforeInput('deleteContentForward', 4);
    expect(event.defaultPrevented).to.equal(true);
    expect(input.value).to.equal('1234 6');
    expect(input.selectionStart).to.equal(4);
  });

  it('deleting a digit is left to the browser', () => {
    edit('12345', 5);
    expect(beforeInput('deleteContentBackward', 3).defaultPrevented).to.equal(false);
    expect(beforeInput('deleteContentForward', 0).defaultPrevented).to.equal(false);
    expect(input.value).to.equal('1234 5');
  });

  it('a value not admitted is taken out of the input at once and never passed on', async () => {
    edit('1234', 4);
    values = [];
    verdict = false;
    edit('4242424242424242', 16);
    expect(input.value).to.equal('1234');
    expect(controller.value).to.equal('1234');
    await Promise.resolve();
    await Promise.resolve();
    expect(input.value).to.equal('1234');
    expect(values).to.deep.equal([]);
  });

  it('a value admitted later is formatted then; a later edit wins over it', async () => {
    let admit!: (ok: boolean) => void;
    verdict = new Promise<boolean>((resolve) => (admit = resolve));
    edit('42424242', 8);
    expect(input.value).to.equal('');
    admit(true);
    await verdict;
    await Promise.resolve();
    expect(input.value).to.equal('4242 4242');

    let late!: (ok: boolean) => void;
    verdict = new Promise<boolean>((resolve) => (late = resolve));
    edit('1111', 4);
    verdict = true;
    edit('22', 2);
    late(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(input.value).to.equal('22');
  });

  it('setValue() formats a value from code; events of other inputs are ignored', () => {
    controller.setValue('12 34-56 78 99');
    expect(input.value).to.equal('1234 5678');
    const other = document.createElement('input');
    host.renderRoot.append(other);
    other.value = '999';
    other.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    expect(controller.value).to.equal('1234 5678');
  });
});
