import { connect, type Connection, type RemoteProxy } from 'penpal';
import {
  ExactOriginMessenger,
  isCardNetwork,
  FIELD_CHANNEL,
  type CardPart,
  type FieldChangeDetail,
  type FrameConfig,
  type FrameMethods,
  type HostMethods,
} from '@pay/protocol';

/**
 * How long a loaded frame may take to answer the handshake. Counted from the iframe's `load`
 * event, so a slow network or a busy machine never runs it down; a frame that loaded and
 * stays silent is an error page or the wrong gateway.
 */
const HANDSHAKE_TIMEOUT_MS = 10000;

export const EMPTY_STATE: FieldChangeDetail = { empty: true, complete: false, valid: true };

/** What the connection tells the field element that owns it. */
export interface FrameConnectionOwner {
  /** The configuration to send now (read when connected, so styles are current). */
  config(): FrameConfig;
  /** The frame's state, already checked: only the keys and types the protocol has. */
  changed(state: FieldChangeDetail): void;
  focusChanged(focused: boolean): void;
  /** Enter in the frame. */
  submitted(): void;
  /**
   * The frame's document is the gateway's and shows its field (`true`: its first handshake
   * message came), or it went away or never connected (`false`).
   */
  readyChanged(ready: boolean): void;
  /** The field's name in the frame's language (a string of at most 200 characters). */
  titled(text: string): void;
}

interface Deferred<T> {
  promise: Promise<T>;
  /** Settles once; later calls do nothing (a pending one may adopt a newer promise). */
  resolve(value: T | Promise<T>): void;
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

/**
 * True while the iframe still shows its initial about:blank document. Asked of its document,
 * which a same-origin page reads at no cost (the gateway's, cross-origin, reads as null), and
 * not of its window: every field checks each message's source against its own iframe, and
 * reading `contentWindow` of an iframe still at about:blank builds a script context for that
 * document, ms each on the page's thread while the frames shake hands.
 */
function stillBlank(iframe: HTMLIFrameElement): boolean {
  return iframe.contentDocument?.URL === 'about:blank';
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

/**
 * One field's link to its gateway frame, for the life of one iframe: the handshake, a fresh
 * handshake for each new document in the iframe (reload, crash, navigation), readiness, and
 * the configuration, sent only when it changed. The element owns it and keeps attributes, form
 * association and events.
 *
 * Ready comes before connected. The frame's first handshake message, from the gateway origin
 * and that iframe's window, says its document is running and shows the field (the frame's
 * entry draws the inputs first): the field is ready. The rest of the handshake, a round trip
 * through two busy threads, only opens the channel for calls, which wait for it.
 */
export class FrameConnection {
  readonly #iframe: HTMLIFrameElement;
  readonly #origin: string;
  readonly #owner: FrameConnectionOwner;
  #connection: Connection<FrameMethods> | undefined;
  #frame: RemoteProxy<FrameMethods> | undefined;
  #ready = deferred<void>();
  #connected = deferred<RemoteProxy<FrameMethods>>();
  #loaded = false;
  /** The frame said its document is going: the connection already waits for the next one. */
  #replaced = false;
  #closed = false;
  #failIfSilent = (): void => {};
  #lastConfig = '';

  /** Give it the iframe before it is in the document: it listens for the iframe's loads. */
  constructor(iframe: HTMLIFrameElement, origin: string, owner: FrameConnectionOwner) {
    this.#iframe = iframe;
    this.#origin = origin;
    this.#owner = owner;
    iframe.addEventListener('load', () => this.#onFrameLoad());
  }

  /**
   * Call once the iframe is in the document. Listens at once: the frame starts the handshake
   * as soon as its script runs, well before the iframe's load event. Nothing is posted to the
   * iframe until the gateway document has spoken: posting while it is still about:blank would
   * fail the exact-origin check.
   */
  open(): void {
    this.#connect(true);
  }

  /**
   * Resolves when the frame's document has spoken (its field shows); waits while it loads.
   * Rejects when closed or when a loaded frame does not answer the handshake.
   */
  get ready(): Promise<void> {
    return this.#ready.promise;
  }

  /**
   * Resolves when the frame is connected (its configuration is posted first); waits while it
   * loads. Rejects as `ready` does.
   */
  get connected(): Promise<RemoteProxy<FrameMethods>> {
    return this.#connected.promise;
  }

  /** The element left the document: the connection ends, and whoever waits is let go. */
  close(): void {
    this.#closed = true;
    this.#connection?.destroy();
    this.#connection = this.#frame = undefined;
    this.#ready.reject(new Error('removed'));
    this.#connected.reject(new Error('removed'));
  }

  /** Sends the owner's configuration when it changed since the last one this document got. */
  async configure(): Promise<void> {
    const frame = this.#frame;
    if (!frame) return;
    const config = this.#owner.config();
    const key = JSON.stringify(config);
    if (key === this.#lastConfig) return;
    this.#lastConfig = key;
    await frame.configure(config);
  }

  /** configure(), fire and forget. */
  reconfigure(): void {
    this.#tell(() => this.configure());
  }

  focus(part?: CardPart): void {
    this.#tell((frame) => frame.focus(part));
  }

  blur(): void {
    this.#tell((frame) => frame.blur());
  }

  clear(): void {
    this.#tell((frame) => frame.clear());
  }

  /**
   * Calls the frame, fire and forget; before the connection, once it is made (a field is ready
   * before it is connected). Neither a rejection nor a throw (penpal throws at once on a
   * connection destroyed meanwhile) may reach the merchant's page as an unhandled error.
   */
  #tell(call: (frame: RemoteProxy<FrameMethods>) => Promise<unknown>): void {
    const run = (frame: RemoteProxy<FrameMethods>): void => {
      try {
        void call(frame).catch(() => {});
      } catch {
        // The frame is going; its successor gets its configuration when it shakes hands.
      }
    };
    if (this.#frame) run(this.#frame);
    else this.#connected.promise.then(run, () => {});
  }

  /**
   * The first load of the gateway document starts the handshake's timeout. A later load is a
   * fresh frame document (reload, restore after a crash), so it gets a fresh connection; a
   * second handshake on a live connection is still ignored.
   */
  #onFrameLoad(): void {
    if (this.#closed || stillBlank(this.#iframe)) return;
    // (The first document's connection, made by open(), is already listening, and so is the
    // one made when the previous document said it was going.)
    if (this.#loaded && !this.#replaced) this.#awaitNewDocument(false);
    this.#replaced = false;
    this.#loaded = true;
    // Counted from the load event: a loaded frame that stays silent is an error page.
    setTimeout(this.#failIfSilent, HANDSHAKE_TIMEOUT_MS);
  }

  /**
   * The frame's document went away (`unloading`). Whatever comes next may be a look-alike put
   * there by a hostile top page, one that never fires `load`: the field is hidden and not ready
   * until a gateway document shakes hands again, and fails like a silent frame if none does.
   */
  #onFrameGone(): void {
    if (this.#closed || !this.#frame) return;
    this.#replaced = true;
    this.#awaitNewDocument(true);
    setTimeout(this.#failIfSilent, HANDSHAKE_TIMEOUT_MS);
  }

  /**
   * Drops the connection to the old document and listens for the new one's handshake. With
   * `waitForFrame`, nothing is posted until the new document speaks (the old one may still be
   * there, and must not be mistaken for it).
   */
  #awaitNewDocument(waitForFrame: boolean): void {
    this.#connection?.destroy();
    this.#frame = undefined;
    this.#lastConfig = '';
    // Who waits for the old document's handshake gets the new one's outcome.
    const [previous, previousConnection] = [this.#ready, this.#connected];
    this.#ready = deferred();
    this.#connected = deferred();
    previous.resolve(this.#ready.promise);
    previousConnection.resolve(this.#connected.promise);
    this.#owner.readyChanged(false);
    // The new document holds nothing: say so (which drops a token made from the old input).
    this.#owner.changed({ ...EMPTY_STATE });
    this.#connect(waitForFrame);
  }

  #connect(waitForFrame: boolean): void {
    const iframe = this.#iframe;
    const owner = this.#owner;
    const ready = this.#ready;
    const connected = this.#connected;
    let spoke = false;
    const hostMethods: HostMethods = {
      change: (detail: unknown) => {
        const state = readChange(detail);
        if (state) owner.changed(state);
      },
      focused: () => owner.focusChanged(true),
      blurred: () => owner.focusChanged(false),
      submit: () => owner.submitted(),
      resize: (height: number) => {
        if (Number.isFinite(height) && height >= 0 && height <= 2000)
          iframe.style.height = `${height}px`;
      },
      unloading: () => this.#onFrameGone(),
      title: (text: unknown) => {
        if (typeof text === 'string' && text) owner.titled(text.slice(0, 200));
      },
    };
    const connection = connect<FrameMethods>({
      messenger: new ExactOriginMessenger({
        remoteWindow: () => (stillBlank(iframe) ? null : iframe.contentWindow),
        remoteOrigin: this.#origin,
        waitForRemote: waitForFrame,
        onFirstMessage: () => {
          if (this.#connection !== connection) return;
          spoke = true;
          ready.resolve();
          owner.readyChanged(true);
        },
      }),
      methods: hostMethods,
      channel: FIELD_CHANNEL,
    });
    this.#connection = connection;
    connection.promise.then(
      (frame) => {
        if (this.#connection !== connection) return;
        this.#frame = frame;
        // Posted first on the port, so every later call finds the frame configured.
        this.reconfigure();
        connected.resolve(frame);
      },
      () => fail(),
    );
    const fail = (): void => {
      if (this.#connection !== connection || this.#frame) return;
      connection.destroy(); // penpal's destroy() leaves the promise pending
      this.#replaced = false; // a gateway document loading later gets a fresh connection
      console.error(
        `pay: the card frame from ${this.#origin} did not answer. Check the gateway attribute of <pay-card-fields>.`,
      );
      ready.reject(new Error('frame_not_ready'));
      connected.reject(new Error('frame_not_ready'));
      if (spoke) owner.readyChanged(false);
    };
    this.#failIfSilent = fail;
  }
}
