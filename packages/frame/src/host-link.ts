/**
 * The frame's end of its link to the host page, opened by the entry script before the app has
 * loaded, and driven by the frame's lifecycle (frame-lifecycle.ts).
 *
 * - **Hello** (field-messages.ts): once the field shows the host's configuration, one window
 *   message to `window.parent` at the host origin of the URL fragment, repeating the frame id and
 *   carrying a new MessagePort; the RPC runs over it (port-rpc.ts). The host counts the field
 *   ready from it.
 * - **Gone**: on `pagehide`, said on that port before it shuts, so the host hides the field
 *   before anything else can be shown in the iframe.
 * - **Calls** from the host run one at a time, in the order they came, each answered once it has
 *   taken effect: by the entry (`EarlyAnswers`: the look, focus, blur, clear) until the app
 *   provides its methods, then by the app. `tokenize` waits for the app.
 */
import {
  FIELD_NAMESPACE,
  FRAME_METHOD_NAMES,
  openPeer,
  type CallAnswer,
  type FieldMessage,
  type FrameLook,
  type FrameMethods,
  type HostMethods,
  type Peer,
} from '@pay/protocol';
import { appAnswers, frameStep, type FrameEvent, type FrameState } from './frame-lifecycle.js';

/**
 * What the entry answers before the app runs. `configure` resolves with the look it shows, or
 * null when only the app can show it (another language): the call then waits for the app.
 */
export interface EarlyAnswers {
  configure(config: unknown): Promise<FrameLook | null>;
  focus(part: unknown): void;
  blur(): void;
  clear(): void;
}

export interface HostLinkOptions {
  hostOrigin: string;
  /** The frame id of the URL fragment, repeated in every hello. */
  id: string;
  /** The field's look as it is now (measured when hello is said). */
  look(): FrameLook;
  early: EarlyAnswers;
  /** Posts to the host page's window (exact origin); replaced in tests. */
  post?: (message: FieldMessage, transfer: Transferable[]) => void;
}

export interface HostLink {
  /** The frame's lifecycle events (see frame-lifecycle.ts). */
  on(event: FrameEvent): void;
  readonly state: FrameState;
  /** The app's answers: calls wait for them from now on, and a waiting `tokenize` runs. */
  provide(methods: FrameMethods): void;
  /** Tells the host `name`; fire and forget (nobody hears it while the document is away). */
  notify<Name extends keyof HostMethods>(name: Name, ...args: Parameters<HostMethods[Name]>): void;
  /** Called after each hello (a restored document tells its state again). */
  onHello(listener: () => void): void;
}

const EARLY_ANSWER: CallAnswer = { seq: 0 };

export function openHostLink({
  hostOrigin,
  id,
  look,
  early,
  post = (message, transfer) => window.parent.postMessage(message, hostOrigin, transfer),
}: HostLinkOptions): HostLink {
  let state: FrameState = 'drawing';
  let app: FrameMethods | undefined;
  let appProvided: (methods: FrameMethods) => void = () => {};
  const appReady = new Promise<FrameMethods>((resolve) => (appProvided = resolve));

  // One call at a time, in order, whoever answers it.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T> | T): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => {});
    return result;
  };
  /** The app, once the lifecycle says it answers. */
  const running = (): FrameMethods | undefined => (appAnswers(state) ? app : undefined);
  const methods: FrameMethods = {
    configure: (config) =>
      serial(async () => {
        const app = running();
        if (app) return app.configure(config);
        const look = await early.configure(config);
        return look ? { ...EARLY_ANSWER, look } : (await appReady).configure(config);
      }),
    focus: (part) => serial(() => running()?.focus(part) ?? (early.focus(part), EARLY_ANSWER)),
    blur: () => serial(() => running()?.blur() ?? (early.blur(), EARLY_ANSWER)),
    clear: () => serial(() => running()?.clear() ?? (early.clear(), EARLY_ANSWER)),
    tokenize: (request) => serial(async () => (await appReady).tokenize(request)),
  };

  let port: MessagePort | undefined;
  let host: Peer<HostMethods> | undefined;
  const helloListeners: (() => void)[] = [];

  const hello = (): void => {
    const channel = new MessageChannel();
    port = channel.port1;
    host = openPeer<HostMethods, FrameMethods>(channel.port1, methods, FRAME_METHOD_NAMES);
    post({ ns: FIELD_NAMESPACE, type: 'hello', id, look: look() }, [channel.port2]);
    for (const listener of helloListeners) listener();
  };

  const gone = (): void => {
    port?.postMessage({ ns: FIELD_NAMESPACE, type: 'gone' } satisfies FieldMessage);
    host?.close();
    port?.close();
    port = host = undefined;
  };

  return {
    get state() {
      return state;
    },
    on(event) {
      const step = frameStep(state, event);
      state = step.state;
      if (step.say === 'hello') hello();
      else if (step.say === 'gone') gone();
    },
    provide(answers) {
      app = answers;
      appProvided(answers);
      this.on('app');
    },
    notify(name, ...args) {
      host?.tell(name, ...args);
    },
    onHello(listener) {
      helloListeners.push(listener);
    },
  };
}
