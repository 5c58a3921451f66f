import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { connect, type Connection, type RemoteProxy } from 'penpal';
import {
  ExactOriginMessenger,
  FIELD_CHANNEL,
  type FrameMethods,
  type HostMethods,
} from '@pay/protocol';

type Call = (host: RemoteProxy<HostMethods>) => Promise<unknown>;

/**
 * The frame's end of the typed RPC with the merchant page: penpal over an exact-origin
 * messenger whose only peer is `window.parent` at the host origin given in the frame URL.
 * Calls made before the handshake completes wait for it.
 */
export class HostBridgeController implements ReactiveController {
  readonly #hostOrigin: () => string;
  readonly #methods: FrameMethods;
  #connection: Connection<HostMethods> | undefined;
  #remote: RemoteProxy<HostMethods> | undefined;
  #queue: Call[] = [];

  constructor(host: ReactiveControllerHost, hostOrigin: () => string, methods: FrameMethods) {
    this.#hostOrigin = hostOrigin;
    this.#methods = methods;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#connection || window.parent === window) return;
    const messenger = new ExactOriginMessenger({
      remoteWindow: window.parent,
      remoteOrigin: this.#hostOrigin(),
    });
    const connection = connect<HostMethods>({
      messenger,
      methods: this.#methods,
      channel: FIELD_CHANNEL,
    });
    this.#connection = connection;
    connection.promise.then(
      (remote) => {
        if (this.#connection !== connection) return;
        this.#remote = remote;
        for (const call of this.#queue.splice(0)) void call(remote).catch(() => {});
      },
      () => {},
    );
  }

  hostDisconnected(): void {
    this.#connection?.destroy();
    this.#connection = undefined;
    this.#remote = undefined;
    this.#queue = [];
  }

  /**
   * Tells the host `name` (one of {@link HostMethods}: a misspelt name or wrong arguments do
   * not compile); fire and forget, since the host may go away at any time. Told before the
   * handshake, it waits for it.
   */
  notify<Name extends keyof HostMethods>(name: Name, ...args: Parameters<HostMethods[Name]>): void {
    this.#send((host) => (host[name] as (...values: typeof args) => Promise<unknown>)(...args));
  }

  /**
   * A call on a connection the host has already destroyed (the field unmounted, so this
   * document is going) throws at once rather than rejecting: that is caught too.
   */
  #send(call: Call): void {
    const remote = this.#remote;
    if (!remote) {
      this.#queue.push(call);
      return;
    }
    try {
      void call(remote).catch(() => {});
    } catch {
      // Nobody is listening any more.
    }
  }
}
