import { expect } from '@open-wc/testing';
import { caretAfter, countSignificant } from '../src/controllers/caret.js';

const DIGIT = /\d/;

describe('caret', () => {
  it('counts only the significant characters, not the spaces and slashes formatting adds', () => {
    expect(countSignificant('4242 4242 4242 4242', DIGIT)).to.equal(16);
    expect(countSignificant('12 / 34', DIGIT)).to.equal(4);
    expect(countSignificant('', DIGIT)).to.equal(0);
    expect(countSignificant(' / ', DIGIT)).to.equal(0);
    // Characters outside the basic plane are one character, not two code units.
    expect(countSignificant('😀1😀2', DIGIT)).to.equal(2);
    expect(countSignificant('😀😀', /./u)).to.equal(2);
  });

  it('puts the caret just after the n-th digit, before a separator inside the value', () => {
    //               0123456789
    const formatted = '4242 4242 42';
    expect(caretAfter(formatted, 1, DIGIT)).to.equal(1);
    expect(caretAfter(formatted, 4, DIGIT)).to.equal(4);
    expect(caretAfter(formatted, 5, DIGIT)).to.equal(6);
    expect(caretAfter(formatted, 8, DIGIT)).to.equal(9);
    expect(caretAfter(formatted, 9, DIGIT)).to.equal(11);
  });

  it('after the last digit it goes to the end, past the separators formatting appended', () => {
    expect(caretAfter('12 / ', 2, DIGIT)).to.equal(5);
    expect(caretAfter('4242 ', 4, DIGIT)).to.equal(5);
    expect(caretAfter('4242 4242 42', 10, DIGIT)).to.equal(12);
    // Not at the end: the separator stays after the caret.
    expect(caretAfter('12 / 3', 2, DIGIT)).to.equal(2);
  });

  it('no digits before the caret is the start; more digits than there are is the end', () => {
    expect(caretAfter('4242 4242', 0, DIGIT)).to.equal(0);
    expect(caretAfter('4242 4242', -3, DIGIT)).to.equal(0);
    expect(caretAfter('4242 4242', 99, DIGIT)).to.equal(9);
    expect(caretAfter('', 1, DIGIT)).to.equal(0);
    expect(caretAfter(' / ', 1, DIGIT)).to.equal(3);
  });

  it('keeps the same digits before the caret when a value is formatted again', () => {
    const before = '4242 424';
    const caret = 6; // after "4242 4"
    const digits = countSignificant(before.slice(0, caret), DIGIT);
    const after = '4242 4242 2';
    const moved = caretAfter(after, digits, DIGIT);
    expect(countSignificant(after.slice(0, moved), DIGIT)).to.equal(digits);
    expect(moved).to.equal(6);
  });
});
