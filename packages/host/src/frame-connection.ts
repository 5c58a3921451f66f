import {
  HOST_METHOD_NAMES,
  isCardNetwork,
  isGone,
  openPeer,
  type CallAnswer,
  type Peer,
  type FieldChangeDetail,
  type FrameConfig,
  type FrameLook,
  type FrameMethods,
  type HostMethods,
} from '@pay/protocol';
import { DEADLINES, fieldStep, type FieldEvent, type FieldState } from './field-lifecycle.js';

export const EMPTY_STATE: FieldChangeDetail = { empty: true, complete: false, valid: true };

/** What the connection tells the field element that owns it. */
export interface FrameConnectionOwner {
  /** The configuration the page wants shown now. */
  config(): FrameConfig;
  /** The frame's state, already checked: only the keys and types the protocol has. */
  changed(state: FieldChangeDetail): void;
  focusChanged(focused: boolean): void;
  /** Enter in the frame. */
  submitted(): void;
  /** The field is ready (shown as it will stay, connected), or no longer. */
  readyChanged(ready: boolean): void;
  /** The frame's height and name; true when that changed the page's layout. */
  looked(look: Partial<FrameLook>): boolean;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T>(): Deferred<T> {
  const d = {} as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) => {
    d.resolve = resolve;
    d.reject = reject;
  });
  d.promise.catch(() => {});
  return d;
}

/** The frame's `change` as the protocol has it: whatever else the frame sent is dropped. */
function readChange(detail: unknown): FieldChangeDetail | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const { empty, complete, valid, brand, networks, preferredNetwork, error } =
    detail as Partial<FieldChangeDetail>;
  const state: FieldChangeDetail = {
    empty: empty === true,
    complete: complete === true,
    valid: valid === true,
  };
  if (typeof brand === 'string') state.brand = brand;
  // Network names only: nothing else the frame might add rides along.
  if (Array.isArray(networks) && networks.length <= 4 && networks.every(isCardNetwork))
    state.networks = [...networks];
  if (isCardNetwork(preferredNetwork)) state.preferredNetwork = preferredNetwork;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    state.error = { code: error.code, message: error.message };
  }
  return state;
}

/** One gateway document, from its hello to its leave: the port only it holds, and the RPC over it. */
interface Link {
  port: MessagePort;
  frame: Peer<FrameMethods>;
  /** The configuration (as JSON) the document shows. */
  shows: string;
  /** The document's values version, from its last answer (see TokenizeRequest.after). */
  seq: number;
}

function rejected(reason: string): Promise<never> {
  const promise = Promise.reject(new Error(reason));
  promise.catch(() => {});
  return promise;
}

/** Runs `task` once the page has laid out (a frame later), so a resize lands before it. */
function afterLayout(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  // A hidden tab draws no frames: the timer stands in.
  requestAnimationFrame(() => setTimeout(run));
  setTimeout(run, 100);
}

/**
 * One field's link to the documents of its iframe, for the life of the iframe: its lifecycle
 * (field-lifecycle.ts), a link per gateway document that says hello, readiness, and the calls.
 * The element owns it, checks what reaches it from the window (origin, source, frame id) and
 * keeps attributes, form association and events.
 */
export class FrameConnection {
  readonly #owner: FrameConnectionOwner;
  /** The configuration in the iframe's URL fragment, which each document shows first. */
  readonly #fragment: string;
  readonly #deadlines: typeof DEADLINES;
  #state: FieldState = 'idle';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #link: Link | undefined;
  #ready = deferred<void>();
  /** Who waits for a link (a call made while no document is connected). */
  #linked = deferred<Link>();

  constructor(owner: FrameConnectionOwner, fragment: FrameConfig, deadlines = DEADLINES) {
    this.#owner = owner;
    this.#fragment = JSON.stringify(fragment);
    this.#deadlines = deadlines;
  }

  get state(): FieldState {
    return this.#state;
  }

  /**
   * Resolves when the field is ready; waits while it loads. Rejects when the element is removed
   * or the field fails (a loaded document stays silent); a later document that speaks makes it
   * ready again (read `ready` anew).
   */
  get ready(): Promise<void> {
    return this.#state === 'failed' ? rejected('frame_not_ready') : this.#ready.promise;
  }

  /** The connected document's values version (0 before any answer, or with none). */
  get seq(): number {
    return this.#link?.seq ?? 0;
  }

  /** The iframe is in the page: a document is coming. */
  open(): void {
    this.#event('open');
  }

  /** The iframe's load event. */
  loaded(): void {
    this.#event('load');
  }

  /** The element left the page. */
  close(): void {
    this.#event('close');
  }

  /**
   * A gateway document's hello (the element checked its origin, source and frame id): it
   * becomes the field's document, showing the fragment's configuration, over `port`.
   */
  hello(look: FrameLook, port: MessagePort): void {
    if (this.#state === 'closed' || this.#state === 'idle') return;
    // A document that came without the last one saying gone (a reload after a crash) holds
    // nothing yet; one restored from the back-forward cache tells its state again.
    if (this.#link) this.#owner.changed({ ...EMPTY_STATE });
    this.#drop();
    const hostMethods: HostMethods = {
      change: (detail: unknown) => {
        const state = readChange(detail);
        if (state) this.#owner.changed(state);
      },
      focused: () => this.#owner.focusChanged(true),
      blurred: () => this.#owner.focusChanged(false),
      submit: () => this.#owner.submitted(),
      resize: (height: unknown) => void this.#owner.looked({ height: height as number }),
      title: (text: unknown) => void this.#owner.looked({ title: text as string }),
    };
    const link: Link = {
      port,
      frame: openPeer<FrameMethods, HostMethods>(port, hostMethods, HOST_METHOD_NAMES),
      shows: this.#fragment,
      seq: 0,
    };
    this.#link = link;
    const left = () => this.#left(link);
    port.addEventListener('message', (event) => isGone(event.data) && left());
    // Where browsers have it: the document crashed, or was destroyed without a word.
    port.addEventListener('close', left);
    // The page's configuration goes first, when the document shows an older one: every call
    // after it finds the frame configured.
    if (link.shows !== this.#current()) void this.#configure(link).catch(() => {});
    this.#linked.resolve(link);
    const event: FieldEvent = link.shows === this.#current() ? 'hello-current' : 'hello-stale';
    // A frame that resized the page shows once the page has laid out: no shift after ready.
    if (this.#owner.looked(look)) afterLayout(() => this.#link === link && this.#event(event));
    else this.#event(event);
  }

  /**
   * Calls `method` on the field's document once it is connected; waits while none is. Rejects
   * when the element is removed, the field fails, or the document leaves during the call.
   */
  async call<Name extends keyof FrameMethods & string>(
    method: Name,
    ...args: Parameters<FrameMethods[Name]>
  ): Promise<Awaited<ReturnType<FrameMethods[Name]>>> {
    if (this.#state === 'failed' || this.#state === 'closed') throw new Error('frame_not_ready');
    const link = this.#link ?? (await this.#linked.promise);
    const answer = await link.frame.call(method, ...args);
    const seq = (answer as Partial<CallAnswer> | undefined)?.seq;
    if (Number.isSafeInteger(seq)) link.seq = seq!;
    return answer;
  }

  /**
   * Sends the page's configuration when the connected document shows another one. Without a
   * document it does nothing: the next one is sent it first thing.
   */
  async configure(): Promise<void> {
    const link = this.#link;
    if (!link) return;
    if (link.shows === this.#current()) return this.#event('look-current');
    await this.#configure(link);
  }

  #current(): string {
    return JSON.stringify(this.#owner.config());
  }

  async #configure(link: Link): Promise<void> {
    const config = this.#owner.config();
    const sent = JSON.stringify(config);
    const answer = await link.frame.call('configure', config);
    link.shows = sent;
    link.seq = answer.seq;
    if (this.#link !== link) return;
    this.#owner.looked(answer.look);
    if (sent === this.#current()) this.#event('look-current');
  }

  /** The document left (gone, or its port closed): the field holds nothing any more. */
  #left(link: Link): void {
    if (this.#link !== link) return;
    this.#drop();
    // The next document holds nothing: say so (which drops a token made from the old input).
    this.#owner.changed({ ...EMPTY_STATE });
    this.#event('left');
  }

  #drop(): void {
    if (!this.#link) return;
    this.#link.frame.close();
    this.#link.port.close();
    this.#link = undefined;
    this.#linked = deferred();
  }

  #event(event: FieldEvent): void {
    const before = this.#state;
    const step = fieldStep(before, event, this.#deadlines);
    this.#state = step.state;
    if (step.deadline !== undefined) {
      clearTimeout(this.#timer);
      if (step.deadline !== null)
        this.#timer = setTimeout(() => this.#event('timeout'), step.deadline);
    }
    const after = this.#state;
    if (before === 'ready' && after !== 'ready') {
      this.#ready = deferred();
      this.#owner.readyChanged(false);
    }
    if (after === 'ready' && before !== 'ready') {
      this.#ready.resolve();
      this.#owner.readyChanged(true);
    }
    if (after === 'failed' && before !== 'failed') {
      console.error(
        'pay: a card frame did not answer. Check the gateway attribute of <pay-card-fields>.',
      );
      this.#fail(new Error('frame_not_ready'));
    }
    if (after === 'closed' && before !== 'closed') {
      this.#drop();
      this.#fail(new Error('removed'));
    }
  }

  /**
   * Lets go whoever waits: for readiness, for a document. A failed field may still get a
   * document that speaks; a closed one never.
   */
  #fail(error: Error): void {
    this.#ready.reject(error);
    this.#linked.reject(error);
    this.#ready = deferred();
    this.#linked = deferred();
    if (this.#state === 'closed') {
      this.#ready.reject(error);
      this.#linked.reject(error);
    }
  }
}
