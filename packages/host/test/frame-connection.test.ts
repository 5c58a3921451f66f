// The host's side of a field's life (field-lifecycle.ts, frame-connection.ts), without a browser
// page around it: gateway documents are played by ports of real MessageChannels, answering the
// RPC as a frame does. Property-based (fast-check): random interleavings of hellos, loads, leaves
// (gone, a crash), navigation to a look-alike, configuration changes and calls. Never ready
// unless the iframe holds a connected gateway document showing the page's configuration; calls
// take effect in the order they were made; every call settles; every state has a way out.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  FIELD_NAMESPACE,
  FRAME_METHOD_NAMES,
  openPeer,
  type CardPart,
  type FrameConfig,
  type FrameMethods,
  type HostMethods,
} from '@pay/protocol';
import { FrameConnection } from '../src/frame-connection.js';
import { hop, settle } from '@pay/protocol/test/message-hops';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** A gateway document of the iframe, played by one end of a MessageChannel. */
class FakeDocument {
  static count = 0;
  readonly name = `doc${++FakeDocument.count}`;
  /** The host's end, handed over in the hello. */
  readonly port: MessagePort;
  readonly #own: MessagePort;
  /** The configuration (as JSON) it shows: the fragment's, until a configure. */
  shows: string;
  gone = false;
  #seq = 0;

  constructor(
    fragment: FrameConfig,
    readonly log: { doc: string; call: string }[],
  ) {
    const channel = new MessageChannel();
    this.port = channel.port2;
    this.#own = channel.port1;
    this.shows = JSON.stringify(fragment);
    const answer = () => ({ seq: this.#seq });
    const methods: FrameMethods = {
      configure: async (config) => {
        this.shows = JSON.stringify(config);
        this.log.push({ doc: this.name, call: `configure ${config.label}` });
        return { ...answer(), look: { height: 40, title: 'Card number' } };
      },
      focus: async (part) => {
        this.#seq++;
        this.log.push({ doc: this.name, call: `call ${String(part)}` });
        return answer();
      },
      blur: async () => answer(),
      clear: async () => answer(),
      tokenize: async (request) => {
        this.log.push({ doc: this.name, call: `call ${request.cardholderName}` });
        return { ok: false, error: { code: 'incomplete_number', message: '' } };
      },
    };
    openPeer<HostMethods, FrameMethods>(channel.port1, methods, FRAME_METHOD_NAMES);
  }

  /** `pagehide`: the document says gone on its port, then the port shuts. */
  leave(): void {
    this.gone = true;
    this.#own.postMessage({ ns: FIELD_NAMESPACE, type: 'gone' });
    this.#own.close();
  }

  /** A crash: no word; the host's port closes (where browsers report it). */
  crash(): void {
    this.gone = true;
    this.#own.close();
    this.port.dispatchEvent(new Event('close'));
  }
}

/** An owner that wants `{ label: 'A' }` and notes only its readiness. */
function quietOwner(onReady: (ready: boolean) => void = () => {}) {
  return {
    config: () => ({ label: 'A' }),
    changed: () => {},
    focusChanged: () => {},
    submitted: () => {},
    readyChanged: onReady,
    looked: () => false,
  };
}

type Action =
  | { type: 'hello' }
  | { type: 'load' }
  | { type: 'leave' }
  | { type: 'crash' }
  | { type: 'lookalike' }
  | { type: 'configure'; label: string }
  | { type: 'call'; method: 'focus' | 'tokenize' }
  | { type: 'reconnect' };

const actions = fc.array(
  fc.oneof(
    fc.constant<Action>({ type: 'hello' }),
    fc.constant<Action>({ type: 'load' }),
    fc.constant<Action>({ type: 'leave' }),
    fc.constant<Action>({ type: 'crash' }),
    fc.constant<Action>({ type: 'lookalike' }),
    fc.constantFrom('A', 'B').map<Action>((label) => ({ type: 'configure', label })),
    fc.constantFrom('focus' as const, 'tokenize' as const).map<Action>((method) => ({
      type: 'call',
      method,
    })),
    fc.constant<Action>({ type: 'reconnect' }),
  ),
  { maxLength: 24 },
);

describe('a field connection over random lives of its iframe', () => {
  it('is ready only with a connected gateway document showing the current configuration; calls take effect in order, and all settle', async function () {
    this.timeout(180_000);
    await fc.assert(
      fc.asyncProperty(actions, async (script) => {
        const log: { doc: string; call: string }[] = [];
        let config: FrameConfig = { label: 'A' };
        const fragment = config;
        let readyFlag = false;
        /** The last document that said hello. */
        let helloed: FakeDocument | null = null;
        const owner = {
          config: () => config,
          changed: () => {},
          focusChanged: () => {},
          submitted: () => {},
          readyChanged: (ready: boolean) => {
            readyFlag = ready;
            // Ready means the field as it will stay: the page's configuration, shown.
            if (ready && helloed?.shows !== JSON.stringify(config))
              notFinal.push(`${helloed?.shows} while the page wants ${JSON.stringify(config)}`);
          },
          looked: () => false,
        };
        let connection = new FrameConnection(owner, fragment);
        const notFinal: string[] = [];
        connection.open();
        /** What the iframe holds: a gateway document, a look-alike, or nothing yet. */
        let content = null as FakeDocument | 'lookalike' | null;
        const calls: Promise<'applied' | 'rejected'>[] = [];
        // The page's calls, one after another (as the group's sequence() runs them).
        let chain: Promise<unknown> = Promise.resolve();
        let made = 0;

        /**
         * `atOnce`: right after the event, before any message crossed (a leave's gone is still
         * on its way then): the decision made on the event itself.
         */
        const check = (after: string, atOnce = false) => {
          const ready = connection.state === 'ready';
          expect(readyFlag, `ready reported as it is, after ${after}`).to.equal(ready);
          expect(notFinal, `ready before the look was final, after ${after}`).to.deep.equal([]);
          if (!ready || atOnce) return;
          expect(content, `ready with no gateway document, after ${after}`).to.equal(helloed);
          expect(helloed?.gone, `ready with a document that left, after ${after}`).to.equal(false);
        };
        const hello = () => {
          if (content instanceof FakeDocument && !content.gone) content.leave();
          const doc = new FakeDocument(fragment, log);
          content = helloed = doc;
          connection.hello({ height: 40, title: 'Card number' }, doc.port);
        };
        for (const action of script) {
          switch (action.type) {
            case 'hello':
              hello();
              break;
            case 'load':
              connection.loaded();
              break;
            case 'leave':
            case 'crash':
              if (content instanceof FakeDocument && !content.gone) {
                if (action.type === 'leave') content.leave();
                else content.crash();
              }
              break;
            case 'lookalike':
              // A hostile top page navigates the iframe: the gateway document goes (it says
              // so), and what comes never says hello, and may never load.
              if (content instanceof FakeDocument && !content.gone) content.leave();
              content = 'lookalike';
              break;
            case 'configure': {
              config = { label: action.label };
              const on = connection;
              chain = chain.then(() => on.configure()).catch(() => {});
              break;
            }
            case 'reconnect':
              // The element leaves the page and comes back (a framework moving it): the old
              // connection ends for good, a new iframe starts from nothing.
              connection.close();
              expect(connection.state).to.equal('closed');
              expect(readyFlag, 'not ready once closed').to.equal(false);
              if (content instanceof FakeDocument && !content.gone) content.leave();
              content = helloed = null;
              connection = new FrameConnection(owner, fragment);
              connection.open();
              break;
            case 'call': {
              const n = ++made;
              // On the connection the field has when the page calls (as the element does).
              const on = connection;
              const call = chain.then((): Promise<unknown> =>
                action.method === 'focus'
                  ? on.call('focus', String(n) as CardPart)
                  : on.call('tokenize', {
                      parts: ['number', 'expiry', 'cvc'],
                      cardholderName: String(n),
                    }),
              );
              chain = call.catch(() => {});
              calls.push(
                call.then(
                  () => 'applied' as const,
                  () => 'rejected' as const,
                ),
              );
              break;
            }
          }
          // At once (what the machine decided on the event itself), and once messages crossed.
          check(action.type, true);
          await settle();
          check(action.type);
        }
        // Whatever happened, a gateway document that says hello ends the story: ready, and
        // every call settles.
        hello();
        await settle();
        check('the last hello');
        expect(connection.state).to.equal('ready');
        const outcomes = await Promise.race([
          Promise.all(calls),
          tick(3000).then(() => 'a call never settled' as const),
        ]);
        expect(outcomes).to.not.equal('a call never settled');
        // In order: the calls each document took, and across documents, rise.
        const taken = log
          .filter((l) => l.call.startsWith('call '))
          .map((l) => Number(l.call.slice(5)));
        expect(taken, 'calls took effect in the order they were made').to.deep.equal(
          [...taken].sort((a, b) => a - b),
        );
        // Every call applied is one the page made once, and none was applied twice.
        expect(new Set(taken).size).to.equal(taken.length);
        connection.close();
        expect(connection.state).to.equal('closed');
        expect(readyFlag).to.equal(false);
      }),
      { numRuns: 60 },
    );
  });

  it('a call made before any document connects waits for one, and closing lets it go', async () => {
    const connection = new FrameConnection(quietOwner(), { label: 'A' });
    connection.open();
    const waiting = connection.call('clear');
    const ready = connection.ready;
    connection.close();
    const outcome = await waiting.then(
      () => 'applied',
      () => 'rejected',
    );
    expect(outcome).to.equal('rejected');
    expect(
      await ready.then(
        () => 'ready',
        () => 'rejected',
      ),
    ).to.equal('rejected');
  });

  it('a loaded document that never speaks fails the field; a later hello brings it back', async () => {
    let readyFlag = false;
    const connection = new FrameConnection(
      quietOwner((ready) => (readyFlag = ready)),
      { label: 'A' },
      { firstLoad: 2000, silent: 200, settle: 200 },
    );
    const errors: string[] = [];
    const consoleError = console.error;
    console.error = (message: string) => void errors.push(message);
    try {
      connection.open();
      const ready = connection.ready;
      const loaded = performance.now();
      connection.loaded();
      while (connection.state !== 'failed' && performance.now() - loaded < 20_000) await hop();
      expect(connection.state).to.equal('failed');
      expect(performance.now() - loaded).to.be.at.least(150);
      expect(errors.join()).to.contain('did not answer');
      expect(
        await ready.then(
          () => 'ready',
          () => 'rejected',
        ),
      ).to.equal('rejected');
      const doc = new FakeDocument({ label: 'A' }, []);
      connection.hello({ height: 40, title: '' }, doc.port);
      await settle();
      expect(connection.state).to.equal('ready');
      expect(readyFlag).to.equal(true);
      await connection.ready;
    } finally {
      console.error = consoleError;
      connection.close();
    }
  });

  it('after a leave, a new document that never speaks (a look-alike) fails the field in time', async () => {
    // Timed by what the field reports, not by how fast this page runs: a busy engine may stall
    // for longer than the deadline between two steps of the test.
    const silent = 1000;
    const readiness: boolean[] = [];
    const connection = new FrameConnection(
      quietOwner((ready) => readiness.push(ready)),
      { label: 'A' },
      { firstLoad: 5000, silent, settle: silent },
    );
    const consoleError = console.error;
    console.error = () => {};
    try {
      connection.open();
      const doc = new FakeDocument({ label: 'A' }, []);
      connection.hello({ height: 40, title: '' }, doc.port);
      await settle();
      expect(connection.state).to.equal('ready');
      const call = connection.call('clear').then(
        () => 'applied',
        () => 'rejected',
      );
      const left = performance.now();
      doc.leave();
      while (connection.state !== 'failed' && performance.now() - left < 20_000) await hop();
      const failedAfter = performance.now() - left;
      expect(connection.state).to.equal('failed');
      expect(failedAfter).to.be.at.least(silent - 50);
      expect(readiness).to.deep.equal([true, false]);
      expect(['applied', 'rejected']).to.include(await call);
    } finally {
      console.error = consoleError;
      connection.close();
    }
  });
});
