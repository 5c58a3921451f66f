import { expect } from '@open-wc/testing';
import type { Assessment, PartRules, RulesContext } from '../src/card-rules/part-rules.js';
import { ValidationController } from '../src/controllers/validation-controller.js';
import { CountingHost as Host } from './counting-host.js';

/**
 * Rules for a 4-digit number: short is incomplete (settled: invalid), a letter is invalid at once
 * (eager), "0000" is valid only for brand "amex" (the context), empty is incomplete.
 */
const rules: PartRules = {
  part: 'number',
  significant: /\d/,
  format: (raw) => raw,
  assess(value: string, { brand }: RulesContext): Assessment {
    if (!value) return { empty: true, complete: false, error: 'incomplete_number', eager: false };
    if (/\D/.test(value))
      return { empty: false, complete: false, error: 'invalid_number', eager: true };
    if (value.length < 4)
      return {
        empty: false,
        complete: false,
        error: 'incomplete_number',
        eager: false,
        settled: { complete: false, error: 'invalid_number' },
      };
    if (value === '0000' && brand !== 'amex')
      return { empty: false, complete: false, error: 'invalid_number', eager: false };
    return { empty: false, complete: true, eager: false };
  },
};

describe('validation-controller', () => {
  let host: Host;
  let context: RulesContext;
  let controller: ValidationController;

  beforeEach(() => {
    host = new Host();
    context = { brand: null, now: new Date(2030, 0, 1) };
    controller = new ValidationController(host, rules, () => context);
  });

  it('adds itself to its host and starts empty, with no error shown', () => {
    expect(host.controllers).to.deep.equal([controller]);
    expect(controller.value).to.equal('');
    expect(controller.assessment.empty).to.equal(true);
    expect(controller.error).to.equal('incomplete_number');
    expect(controller.shownError).to.equal(undefined);
  });

  it('a value being typed shows no error until the customer leaves the field', () => {
    controller.setValue('12');
    expect(controller.error).to.equal('incomplete_number');
    expect(controller.shownError).to.equal(undefined);
    controller.blurred();
    // Settled: what the rules say of a finished value, not of a prefix.
    expect(controller.shownError).to.equal('invalid_number');
    expect(controller.assessment.complete).to.equal(false);
  });

  it('an error no further typing can mend shows at once', () => {
    controller.setValue('1a');
    expect(controller.shownError).to.equal('invalid_number');
  });

  it('an edit after leaving hides the error again; the same value does not', () => {
    controller.setValue('12');
    controller.blurred();
    controller.setValue('12');
    expect(controller.shownError).to.equal('invalid_number');
    controller.setValue('123');
    expect(controller.shownError).to.equal(undefined);
  });

  it('leaving an empty field shows nothing; a submit shows the empty field’s error', () => {
    controller.blurred();
    expect(controller.shownError).to.equal(undefined);
    controller.reveal();
    expect(controller.shownError).to.equal('incomplete_number');
  });

  it('a complete value has no error, left or not', () => {
    controller.setValue('1234');
    expect(controller.error).to.equal(undefined);
    controller.blurred();
    expect(controller.shownError).to.equal(undefined);
    expect(controller.assessment.complete).to.equal(true);
  });

  it('reassess() applies a changed context to the same value', () => {
    controller.setValue('0000');
    expect(controller.error).to.equal('invalid_number');
    context = { ...context, brand: 'amex' };
    expect(controller.error).to.equal('invalid_number');
    controller.reassess();
    expect(controller.error).to.equal(undefined);
  });

  it('reset() empties the value and hides what was shown', () => {
    controller.setValue('12');
    controller.reveal();
    controller.reset();
    expect(controller.value).to.equal('');
    expect(controller.assessment.empty).to.equal(true);
    expect(controller.shownError).to.equal(undefined);
  });

  it('asks its host to update on every change it makes', () => {
    const before = host.updates;
    controller.setValue('1');
    controller.blurred();
    controller.reveal();
    controller.reassess();
    expect(host.updates - before).to.equal(4);
    // Leaving again changes nothing, so no update.
    controller.blurred();
    expect(host.updates - before).to.equal(4);
  });
});
