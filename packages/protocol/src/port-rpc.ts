/**
 * The typed RPC between the host page and a field frame, over the MessagePort the frame's hello
 * hands over (field-messages.ts). The port is private to the two ends from the first message, so
 * there is nothing left to negotiate: no handshake round trip, no origin to check per message.
 * What remains is small enough to write here rather than ship an RPC library on merchant pages
 * (penpal was 2 KB of the SDK's 8 KB and added a handshake through two busy threads before the
 * first call). Both sides compile against the one pair of method maps in rpc.ts.
 *
 * - `call`: a method of the other side, answered once it has run (its returned or resolved
 *   value); a method that throws answers `{ ok: false }` and nothing of the error crosses.
 * - `tell`: a method of the other side, no answer.
 * - Only the methods named in the receiver's list run, by own name: never a prototype's.
 * - Closing (a leave, a destroyed document) rejects every call still waiting.
 */

/** Methods a side exposes: each takes structured-clonable arguments. */
export type Methods = { [name: string]: (...args: never[]) => unknown };

type Message =
  | { call: number; method: string; args: unknown[] }
  | { reply: number; ok: boolean; value?: unknown }
  | { tell: string; args: unknown[] };

export interface Peer<Remote extends Methods> {
  /** Calls `method` on the other side; resolves with its answer. */
  call<Name extends keyof Remote & string>(
    method: Name,
    ...args: Parameters<Remote[Name]>
  ): Promise<Awaited<ReturnType<Remote[Name]>>>;
  /** Tells the other side `method`, fire and forget. */
  tell<Name extends keyof Remote & string>(method: Name, ...args: Parameters<Remote[Name]>): void;
  /** Stops listening; every call still waiting rejects. */
  close(): void;
}

/**
 * One end of the RPC on `port`: runs the other side's calls and tells on `local` (only the
 * names of `names`), and calls the other side's. Starts the port.
 */
export function openPeer<Remote extends Methods, Local extends Methods>(
  port: MessagePort,
  local: Local,
  names: Record<keyof Local, true>,
): Peer<Remote> {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 0;
  let closed = false;
  const run = (method: unknown, args: unknown): Promise<unknown> => {
    if (typeof method !== 'string' || !Object.hasOwn(names, method) || !Array.isArray(args))
      return Promise.reject(new Error('no such method'));
    return new Promise((resolve) =>
      resolve((local[method] as Methods[string])(...(args as never[]))),
    );
  };
  const onMessage = ({ data }: MessageEvent): void => {
    if (typeof data !== 'object' || data === null) return;
    const m = data as Partial<Record<string, unknown>>;
    if (typeof m.call === 'number') {
      const id = m.call;
      run(m.method, m.args).then(
        (value) => post({ reply: id, ok: true, value }),
        () => post({ reply: id, ok: false }),
      );
    } else if (typeof m.tell === 'string') {
      run(m.tell, m.args).catch(() => {});
    } else if (typeof m.reply === 'number') {
      const pending = waiting.get(m.reply);
      waiting.delete(m.reply);
      if (m.ok === true) pending?.resolve(m.value);
      else pending?.reject(new Error('call failed'));
    }
  };
  const post = (message: Message): void => {
    if (!closed) port.postMessage(message);
  };
  port.addEventListener('message', onMessage);
  port.start();
  return {
    call(method, ...args) {
      if (closed) return Promise.reject(new Error('closed'));
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        post({ call: id, method, args });
      });
    },
    tell(method, ...args) {
      post({ tell: method, args });
    },
    close() {
      closed = true;
      port.removeEventListener('message', onMessage);
      for (const { reject } of waiting.values()) reject(new Error('closed'));
      waiting.clear();
    },
  };
}
