import { expect } from '@open-wc/testing';
import { connect, type RemoteProxy } from 'penpal';
import { ExactOriginMessenger } from '../src/exact-origin-messenger.js';

type Peer = { double(n: number): number; calls(): number; clear(): void };

const PEER = new URL('./fixtures/peer.html', import.meta.url).href;

/** A same-origin about:blank frame, usable as soon as it is in the document. */
function blankFrame(): HTMLIFrameElement {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  return iframe;
}

describe('ExactOriginMessenger', () => {
  let targets: string[];
  let peer: HTMLIFrameElement;
  let remote: RemoteProxy<Peer>;
  let destroy: () => void;

  beforeEach(async () => {
    targets = [];
    peer = document.createElement('iframe');
    document.body.append(peer);
    // Record the targetOrigin of everything the messenger posts to the peer window.
    const win = peer.contentWindow!;
    const post = win.postMessage.bind(win);
    win.postMessage = ((message: unknown, options: WindowPostMessageOptions) => {
      targets.push(options.targetOrigin ?? 'none');
      post(message, options);
    }) as typeof win.postMessage;
    const connection = connect<Peer>({
      messenger: new ExactOriginMessenger({ remoteWindow: win, remoteOrigin: location.origin }),
      channel: 'test',
    });
    destroy = connection.destroy;
    peer.src = PEER;
    remote = await connection.promise;
  });

  afterEach(() => {
    destroy();
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('connects and makes typed calls', async () => {
    expect(await remote.double(21)).to.equal(42);
  });

  it('posts only with the exact remote origin, never "*"', async () => {
    await remote.double(1);
    expect(targets.length).to.be.greaterThan(0);
    expect(targets.every((t) => t === location.origin)).to.equal(true);
  });

  it('rejects an unknown method and keeps working', async () => {
    const unknown = (remote as unknown as { steal(): Promise<unknown> }).steal();
    let code: unknown;
    await unknown.catch((error: { code?: unknown }) => (code = error.code));
    expect(code).to.equal('METHOD_NOT_FOUND');
    expect(await remote.double(3)).to.equal(6);
  });

  it('refuses an origin that is not exact', () => {
    for (const origin of ['*', 'null', 'http://a.example/path', 'javascript:alert(1)', '']) {
      expect(
        () => new ExactOriginMessenger({ remoteWindow: window, remoteOrigin: origin }),
      ).to.throw();
    }
  });

  it('ignores messages from another window of the same origin', async () => {
    // A fresh connection to a frame that never answers: only a SYN from it could move it on.
    const silent = blankFrame();
    const sent: unknown[] = [];
    const win = silent.contentWindow!;
    win.postMessage = ((message: unknown) => sent.push(message)) as typeof win.postMessage;
    const connection = connect<Peer>({
      messenger: new ExactOriginMessenger({ remoteWindow: win, remoteOrigin: location.origin }),
      channel: 'test',
    });
    expect(sent.length).to.equal(1); // its own SYN
    const other = blankFrame();
    const forged = { namespace: 'penpal', channel: 'test', type: 'SYN', participantId: 'zzzz' };
    const delivered = new Promise((resolve) =>
      window.addEventListener('message', resolve, { once: true }),
    );
    // Right origin, wrong window.
    (other.contentWindow as Window & typeof globalThis).eval(
      `parent.postMessage(${JSON.stringify(forged)}, ${JSON.stringify(location.origin)})`,
    );
    await delivered;
    expect(sent.length).to.equal(1);
    connection.destroy();
  });

  it('says once when the remote window first speaks, never for another window', async () => {
    const silent = blankFrame();
    let heard = 0;
    const connection = connect<Peer>({
      messenger: new ExactOriginMessenger({
        remoteWindow: silent.contentWindow!,
        remoteOrigin: location.origin,
        onFirstMessage: () => heard++,
      }),
      channel: 'test',
    });
    const syn = (participantId: string) =>
      JSON.stringify({ namespace: 'penpal', channel: 'test', type: 'SYN', participantId });
    const post = (from: HTMLIFrameElement, message: string) => {
      const delivered = new Promise((resolve) =>
        window.addEventListener('message', resolve, { once: true }),
      );
      (from.contentWindow as Window & typeof globalThis).eval(
        `parent.postMessage(${message}, ${JSON.stringify(location.origin)})`,
      );
      return delivered;
    };
    // Another window of the same origin, then something that is not penpal's: not heard.
    await post(blankFrame(), syn('zzzz'));
    await post(silent, JSON.stringify({ hello: 'world' }));
    expect(heard).to.equal(0);
    await post(silent, syn('yyyy'));
    await post(silent, syn('xxxx'));
    expect(heard).to.equal(1);
    connection.destroy();
  });

  it('ignores a second handshake and window-borne calls once connected', async () => {
    const win = peer.contentWindow!;
    win.postMessage(
      { namespace: 'penpal', channel: 'test', type: 'SYN', participantId: 'zzzz' },
      location.origin,
    );
    win.postMessage(
      {
        namespace: 'penpal',
        channel: 'test',
        type: 'CALL',
        id: 'f2',
        methodPath: ['clear'],
        args: [],
      },
      location.origin,
    );
    await remote.double(1);
    expect(await remote.calls()).to.equal(0);
    expect(await remote.double(2)).to.equal(4);
  });
});
