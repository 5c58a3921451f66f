// The frame's state machine (frame-lifecycle.ts), walked as a table: hello on starting to speak,
// gone on stopping, nothing else. host-link.test.ts drives it over real ports.
import { expect } from '@open-wc/testing';
import {
  FRAME_TRANSITIONS,
  frameStep,
  type FrameEvent,
  type FrameState,
} from '../src/frame-lifecycle.js';

describe('frame lifecycle table', () => {
  it('says hello on starting to speak and gone on stopping, nothing else', () => {
    const events: FrameEvent[] = ['drawn', 'app', 'pagehide', 'pageshow'];
    const speaking = (state: FrameState) => state === 'shown' || state === 'running';
    for (const state of Object.keys(FRAME_TRANSITIONS) as FrameState[])
      for (const event of events) {
        const step = frameStep(state, event);
        const expected =
          speaking(state) === speaking(step.state)
            ? undefined
            : speaking(step.state)
              ? 'hello'
              : 'gone';
        expect(step.say, `${state} + ${event}`).to.equal(expected);
      }
    expect(frameStep('drawing', 'drawn')).to.deep.equal({ state: 'shown', say: 'hello' });
    expect(frameStep('running', 'pagehide')).to.deep.equal({ state: 'away-running', say: 'gone' });
    expect(frameStep('away-running', 'pageshow')).to.deep.equal({ state: 'running', say: 'hello' });
  });
});
