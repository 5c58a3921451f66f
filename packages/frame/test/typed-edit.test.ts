import { expect } from '@open-wc/testing';
import { isTypedEdit } from '../src/typed-edit.js';

/** What a keystroke's beforeinput looks like to the rule (a test cannot make a trusted event). */
function trusted(inputType: string | undefined): Event {
  return { isTrusted: true, inputType } as unknown as Event;
}

describe('typed-edit', () => {
  it("the shopper's own edits count: typing, pasting, deleting, a drop, an IME composition", () => {
    for (const inputType of [
      'insertText',
      'insertFromPaste',
      'deleteContentBackward',
      'deleteContentForward',
      'deleteByCut',
      'insertFromDrop',
      'insertCompositionText',
    ]) {
      expect(isTypedEdit(trusted(inputType)), inputType).to.equal(true);
    }
  });

  it('a replacement (how Chromium and Firefox announce an autofilled value) is a fill', () => {
    expect(isTypedEdit(trusted('insertReplacementText'))).to.equal(false);
  });

  it('an edit with no input type (a fill announced as nothing) is a fill', () => {
    expect(isTypedEdit(trusted(undefined))).to.equal(false);
    expect(isTypedEdit(trusted(''))).to.equal(false);
  });

  it('an event a script made is never a typed edit, whatever it claims', () => {
    const made = new InputEvent('beforeinput', {
      inputType: 'insertText',
      data: '4',
      bubbles: true,
      cancelable: true,
    });
    expect(made.isTrusted).to.equal(false);
    expect(isTypedEdit(made)).to.equal(false);
    expect(isTypedEdit(new Event('input'))).to.equal(false);
    expect(isTypedEdit(new InputEvent('input', { inputType: 'insertFromPaste' }))).to.equal(false);
  });

  it('a plain event without an input type is not an edit even if trusted', () => {
    expect(isTypedEdit({ isTrusted: true } as unknown as Event)).to.equal(false);
  });
});
