/**
 * A penpal `Messenger` for one window at one exact origin. penpal's own WindowMessenger posts
 * its handshake SYN with targetOrigin "*", which rule 2 of docs/architecture.md forbids; this one names the exact
 * origin on every postMessage, accepts a message only when both `event.origin` and
 * `event.source` match, and once the handshake hands over a MessagePort it stops listening
 * to the window (a second handshake is ignored, not obeyed).
 */
import {
  PenpalError,
  type InitializeMessengerOptions,
  type Message,
  type MessageHandler,
  type Messenger,
} from 'penpal';
import { isExactOrigin } from './frame-params.js';

export interface ExactOriginMessengerOptions {
  /**
   * The peer window, or how to find it when a message arrives. An iframe's `contentWindow` is
   * best read late: read right after the iframe is added, it makes the browser build a script
   * context for the about:blank document it starts with (tens of ms per frame on a slow
   * machine), which the gateway document replaces at once. Its identity never changes.
   */
  remoteWindow: Window | (() => Window | null);
  /** The one origin messages go to and come from, e.g. `https://gateway.example`. */
  remoteOrigin: string;
  /**
   * Post no SYN until the remote window has sent a valid message: for an iframe that may still
   * hold its initial about:blank document, which a post to the exact origin would miss with
   * an error in the console. penpal answers the remote's SYN with its own, so nothing is lost
   * when the listener is in place before the remote document exists.
   */
  waitForRemote?: boolean;
  /**
   * Called once, on the remote window's first valid message: a document of the remote origin
   * is in that window and running (its script has reached the handshake).
   */
  onFirstMessage?: () => void;
}

export class ExactOriginMessenger implements Messenger {
  readonly #remoteWindow: () => Window | null;
  readonly #remoteOrigin: string;
  readonly #handlers = new Set<MessageHandler>();
  #validate: ((data: unknown) => data is Message) | undefined;
  #port: MessagePort | undefined;
  #waiting: boolean;
  #onFirstMessage: (() => void) | undefined;

  constructor({
    remoteWindow,
    remoteOrigin,
    waitForRemote = false,
    onFirstMessage,
  }: ExactOriginMessengerOptions) {
    if (!isExactOrigin(remoteOrigin)) {
      throw new PenpalError('INVALID_ARGUMENT', 'remoteOrigin: not an exact origin');
    }
    this.#remoteWindow = typeof remoteWindow === 'function' ? remoteWindow : () => remoteWindow;
    this.#remoteOrigin = remoteOrigin;
    this.#waiting = waitForRemote;
    this.#onFirstMessage = onFirstMessage;
  }

  initialize = ({ validateReceivedMessage }: InitializeMessengerOptions): void => {
    this.#validate = validateReceivedMessage;
    window.addEventListener('message', this.#onWindowMessage);
  };

  sendMessage = (message: Message, transferables?: Transferable[]): void => {
    if (message.type === 'SYN' && this.#waiting) return;
    if (message.type === 'SYN' || message.type === 'ACK1') {
      this.#postToWindow(message, transferables ?? []);
      return;
    }
    if (message.type === 'ACK2') {
      // The side that sends ACK2 creates the channel; calls go over it from now on.
      const { port1, port2 } = new MessageChannel();
      this.#usePort(port1);
      this.#postToWindow(message, [port2, ...(transferables ?? [])]);
      return;
    }
    if (!this.#port) {
      throw new PenpalError('TRANSMISSION_FAILED', 'not connected');
    }
    this.#port.postMessage(message, { transfer: transferables ?? [] });
  };

  addMessageHandler = (handler: MessageHandler): void => {
    this.#handlers.add(handler);
  };

  removeMessageHandler = (handler: MessageHandler): void => {
    this.#handlers.delete(handler);
  };

  destroy = (): void => {
    window.removeEventListener('message', this.#onWindowMessage);
    this.#port?.removeEventListener('message', this.#onPortMessage);
    this.#port?.close();
    this.#port = undefined;
    this.#handlers.clear();
  };

  #postToWindow(message: Message, transfer: Transferable[]): void {
    this.#remoteWindow()?.postMessage(message, { targetOrigin: this.#remoteOrigin, transfer });
  }

  #usePort(port: MessagePort): void {
    this.#port = port;
    port.addEventListener('message', this.#onPortMessage);
    port.start();
  }

  #onWindowMessage = (event: MessageEvent): void => {
    if (event.origin !== this.#remoteOrigin || event.source !== this.#remoteWindow()) return;
    // Connected: the window channel is closed, so a replayed or second handshake changes nothing.
    if (this.#port) return;
    const data: unknown = event.data;
    if (!this.#validate?.(data)) return;
    // The remote document is the gateway's and listens: posting to it is safe from now on.
    this.#waiting = false;
    const first = this.#onFirstMessage;
    this.#onFirstMessage = undefined;
    first?.();
    if (data.type === 'ACK2') {
      const port = event.ports[0];
      if (!port) return;
      this.#usePort(port);
    } else if (data.type !== 'SYN' && data.type !== 'ACK1') {
      return; // calls and replies travel only over the port
    }
    this.#dispatch(data);
  };

  #onPortMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    if (this.#validate?.(data)) this.#dispatch(data);
  };

  #dispatch(message: Message): void {
    for (const handler of this.#handlers) handler(message);
  }
}
