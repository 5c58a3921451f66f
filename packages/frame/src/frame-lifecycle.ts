/**
 * A field frame's life, one state machine (drawn in docs/architecture.md). The document is
 * served with its field drawn in its locale; the entry script makes it the host's (the
 * configuration of the URL fragment: words, styles, fonts), then says hello. From then on the
 * host's calls are answered by the entry (the look, focus, blur, clear) until the app has taken
 * the drawn field over, then by the app (and `tokenize` waits for it). A document that is left
 * says gone; one restored from the back-forward cache says hello again, on a new port.
 *
 * | state          | the host sees           | calls answered by        |
 * | -------------- | ----------------------- | ------------------------ |
 * | `drawing`      | nothing (hidden)        | nobody: no port yet      |
 * | `prepared`     | nothing (hidden)        | nobody: no port yet (the app draws another language first) |
 * | `shown`        | the field, final        | the entry; tokenize waits |
 * | `running`      | the field, final        | the app                  |
 * | `away`         | nothing (gone was said) | nobody: the port is shut |
 * | `away-running` | nothing (gone was said) | nobody: the port is shut |
 */
export type FrameState = 'drawing' | 'prepared' | 'shown' | 'running' | 'away' | 'away-running';

/**
 * `drawn`: the host's configuration is applied and its fonts are in. `app`: the app has taken
 * the drawn field over. `pagehide` / `pageshow`: the document is left, or restored.
 */
export type FrameEvent = 'drawn' | 'app' | 'pagehide' | 'pageshow';

/** What a transition tells the host: hello (a new port, the look), or gone (on the old port). */
export type FrameSay = 'hello' | 'gone';

export const FRAME_TRANSITIONS: Readonly<
  Record<FrameState, Partial<Record<FrameEvent, FrameState>>>
> = {
  drawing: { drawn: 'shown', app: 'prepared' },
  prepared: { drawn: 'running' },
  shown: { app: 'running', pagehide: 'away' },
  running: { pagehide: 'away-running' },
  away: { pageshow: 'shown', app: 'away-running' },
  'away-running': { pageshow: 'running' },
};

/** The state after `event` (unchanged for an event the state does not take) and what to say. */
export function frameStep(
  state: FrameState,
  event: FrameEvent,
): { state: FrameState; say?: FrameSay } {
  const next = FRAME_TRANSITIONS[state][event] ?? state;
  const speaking = (s: FrameState) => s === 'shown' || s === 'running';
  if (!speaking(state) && speaking(next)) return { state: next, say: 'hello' };
  if (speaking(state) && !speaking(next)) return { state: next, say: 'gone' };
  return { state: next };
}

/** Whether the app answers the host's calls in `state`. */
export function appAnswers(state: FrameState): boolean {
  return state === 'prepared' || state === 'running' || state === 'away-running';
}
