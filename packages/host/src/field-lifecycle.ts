/**
 * A field's life as the host page sees it, one state machine (drawn in docs/architecture.md).
 * Ready means the gateway document in the iframe said hello (field-messages.ts: from the gateway
 * origin, from this iframe's window, with this iframe's frame id, over a port only it holds) and
 * shows the page's current configuration. Nothing else is ever shown: a document that is still
 * loading, that left, or that is not the gateway's (a look-alike) stays hidden.
 *
 * | state      | the iframe        | waiting for                                              |
 * | ---------- | ----------------- | -------------------------------------------------------- |
 * | `idle`     | none              | the element to connect                                   |
 * | `loading`  | hidden            | a hello (or fails: 60 s after opening, 10 s after a load event or a leave) |
 * | `settling` | hidden            | the frame to show the page's current configuration (10 s) |
 * | `ready`    | shown             | nothing; a leave hides it at once                        |
 * | `failed`   | hidden            | a hello from a document that comes back                  |
 * | `closed`   | removed           | nothing: the element left the page                       |
 */
export type FieldState = 'idle' | 'loading' | 'settling' | 'ready' | 'failed' | 'closed';

/**
 * `open`: the iframe is in the page. `hello-current` / `hello-stale`: a gateway document said
 * hello, showing the page's current configuration or an older one. `look-current`: the frame now
 * shows the current configuration (it applied it, or the page's changed back). `load`: the
 * iframe's load event. `left`: the document said gone, or its port closed (it crashed, or was
 * destroyed). `timeout`: the state's deadline passed. `close`: the element left the page.
 */
export type FieldEvent =
  'open' | 'hello-current' | 'hello-stale' | 'look-current' | 'load' | 'left' | 'timeout' | 'close';

export const FIELD_TRANSITIONS: Readonly<
  Record<FieldState, Partial<Record<FieldEvent, FieldState>>>
> = {
  idle: { open: 'loading', close: 'closed' },
  loading: {
    'hello-current': 'ready',
    'hello-stale': 'settling',
    load: 'loading',
    timeout: 'failed',
    close: 'closed',
  },
  settling: {
    'hello-current': 'ready',
    'hello-stale': 'settling',
    'look-current': 'ready',
    left: 'loading',
    timeout: 'failed',
    close: 'closed',
  },
  ready: { 'hello-current': 'ready', 'hello-stale': 'settling', left: 'loading', close: 'closed' },
  failed: { 'hello-current': 'ready', 'hello-stale': 'settling', close: 'closed' },
  closed: {},
};

/**
 * How long a waiting state may last. Counted from a load event or a leave, not only from the
 * iframe's creation, so a slow network never runs a field down: a loaded document that stays
 * silent is an error page or the wrong gateway, and after a leave a new document that never
 * speaks is a look-alike that holds back its load event.
 */
export const DEADLINES = {
  /** From `open` to a hello, with no load event in between. */
  firstLoad: 60_000,
  /** From a load event, or a leave, to a hello. */
  silent: 10_000,
  /** From a stale hello to the frame showing the current configuration. */
  settle: 10_000,
};

export interface FieldStep {
  state: FieldState;
  /** The deadline to arm (ms from now), or null to stop the one armed; absent: as it is. */
  deadline?: number | null;
}

/** The state after `event` (unchanged for an event the state does not take) and its deadline. */
export function fieldStep(
  state: FieldState,
  event: FieldEvent,
  deadlines: typeof DEADLINES = DEADLINES,
): FieldStep {
  const next = FIELD_TRANSITIONS[state][event];
  if (!next) return { state };
  if (next === 'loading')
    return { state: next, deadline: event === 'open' ? deadlines.firstLoad : deadlines.silent };
  if (next === 'settling') return { state: next, deadline: deadlines.settle };
  return { state: next, deadline: null };
}
