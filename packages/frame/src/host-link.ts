import { connect, type RemoteProxy } from 'penpal';
import {
  ExactOriginMessenger,
  FIELD_CHANNEL,
  type FrameMethods,
  type HostMethods,
} from '@pay/protocol';

/**
 * The frame's end of the typed RPC with the merchant page, opened by the frame's entry script
 * before the app has loaded: penpal over an exact-origin messenger whose only peer is
 * `window.parent` at the host origin from the frame URL. The handshake needs no app, so three
 * fields shake hands while their apps load; the host's calls wait for the app's answers.
 */
export interface HostLink {
  /** The app's answers to the host's calls. Calls that came before wait for them, in order. */
  provide(methods: FrameMethods): void;
  /**
   * Tells the host `name`; fire and forget, since the host may go away at any time. Told
   * before the handshake completes, it waits for it.
   */
  notify<Name extends keyof HostMethods>(name: Name, ...args: Parameters<HostMethods[Name]>): void;
  /** Settles when the handshake completes (never, if the host does not answer). */
  connected: Promise<void>;
}

// Every method of the protocol, so the host's proxy can call each: a Record, so that a method
// added to FrameMethods and missing here does not compile.
const FRAME_METHODS: Record<keyof FrameMethods, true> = {
  configure: true,
  focus: true,
  blur: true,
  clear: true,
  tokenize: true,
};

type Call = (host: RemoteProxy<HostMethods>) => Promise<unknown>;

export function openHostLink(hostOrigin: string): HostLink {
  let provided: FrameMethods | undefined;
  let appReady: (methods: FrameMethods) => void = () => {};
  const app = new Promise<FrameMethods>((resolve) => (appReady = resolve));
  const methods = {} as Record<keyof FrameMethods, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(FRAME_METHODS) as (keyof FrameMethods)[])
    methods[name] = async (...args) => {
      await app;
      return (provided![name] as (...values: unknown[]) => unknown)(...args);
    };

  let remote: RemoteProxy<HostMethods> | undefined;
  const queue: Call[] = [];
  const send = (call: Call): void => {
    if (!remote) {
      queue.push(call);
      return;
    }
    try {
      // A call on a connection the host has destroyed throws at once rather than rejecting.
      void call(remote).catch(() => {});
    } catch {
      // Nobody is listening any more.
    }
  };
  let connected: () => void = () => {};
  const handshake = new Promise<void>((resolve) => (connected = resolve));
  if (window.parent !== window)
    void connect<HostMethods>({
      messenger: new ExactOriginMessenger({
        remoteWindow: window.parent,
        remoteOrigin: hostOrigin,
      }),
      methods: methods as unknown as FrameMethods,
      channel: FIELD_CHANNEL,
    }).promise.then(
      (host) => {
        remote = host;
        connected();
        for (const call of queue.splice(0)) send(call);
      },
      () => {},
    );

  const link: HostLink = {
    connected: handshake,
    provide(answers) {
      provided = answers;
      appReady(answers);
    },
    notify(name, ...args) {
      send((host) => (host[name] as (...values: typeof args) => Promise<unknown>)(...args));
    },
  };
  // Whatever replaces this document (a reload, or a look-alike a hostile page navigates the
  // iframe to) must not be shown as this field until it shakes hands: said from the start,
  // not only once the app runs.
  addEventListener('pagehide', () => link.notify('unloading'));
  return link;
}
