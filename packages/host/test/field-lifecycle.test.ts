// The host's state machine of a field (field-lifecycle.ts), walked as a table: what makes a field
// ready, what drops it, and that every waiting state has a deadline. The connection that drives
// it over real ports is in frame-connection.test.ts.
import { expect } from '@open-wc/testing';
import {
  DEADLINES,
  FIELD_TRANSITIONS,
  fieldStep,
  type FieldEvent,
  type FieldState,
} from '../src/field-lifecycle.js';

const STATES = Object.keys(FIELD_TRANSITIONS) as FieldState[];
const EVENTS: FieldEvent[] = [
  'open',
  'hello-current',
  'hello-stale',
  'look-current',
  'load',
  'left',
  'timeout',
  'close',
];

describe('field lifecycle table', () => {
  it('every state but closed can be closed, and closed takes nothing', () => {
    for (const state of STATES) expect(fieldStep(state, 'close').state, state).to.equal('closed');
    for (const event of EVENTS) expect(fieldStep('closed', event).state).to.equal('closed');
  });

  it('only a hello or a look of the current configuration makes a field ready', () => {
    for (const state of STATES)
      for (const event of EVENTS) {
        const next = fieldStep(state, event).state;
        if (next === 'ready' && state !== 'ready')
          expect(['hello-current', 'look-current'], `${state} + ${event}`).to.include(event);
      }
    // A settling document is not ready until it shows the current configuration.
    expect(fieldStep('loading', 'hello-stale').state).to.equal('settling');
    expect(fieldStep('loading', 'look-current').state).to.equal('loading');
  });

  it('a leave drops ready at once; the states that wait have a deadline', () => {
    expect(fieldStep('ready', 'left')).to.deep.equal({
      state: 'loading',
      deadline: DEADLINES.silent,
    });
    expect(fieldStep('settling', 'left').state).to.equal('loading');
    expect(fieldStep('idle', 'open').deadline).to.equal(DEADLINES.firstLoad);
    expect(fieldStep('loading', 'load').deadline).to.equal(DEADLINES.silent);
    expect(fieldStep('loading', 'hello-stale').deadline).to.equal(DEADLINES.settle);
    for (const state of ['loading', 'settling'] as const)
      expect(fieldStep(state, 'timeout').state).to.equal('failed');
    // A failed field comes back with a document that speaks.
    expect(fieldStep('failed', 'hello-current').state).to.equal('ready');
  });
});
