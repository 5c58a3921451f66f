// The frame's side of its life (frame-lifecycle.ts, host-link.ts): hello only once the field is
// drawn, a fresh port each time, gone on pagehide, and the host's calls answered one at a time, in
// order, by the entry until the app takes over and by the app after, tokenize by the app only.
// Property-based (fast-check) over random interleavings of the document's events and the host's
// calls, the host played by the other end of each hello's port.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  FIELD_NAMESPACE,
  HOST_METHOD_NAMES,
  openPeer,
  type CardPart,
  type FieldMessage,
  type FrameMethods,
  type HostMethods,
  type Peer,
} from '@pay/protocol';
import { openHostLink } from '../src/host-link.js';
import { settle } from '@pay/protocol/test/message-hops';

type Action =
  | { type: 'drawn' | 'app' | 'pagehide' | 'pageshow' }
  | { type: 'call'; method: 'configure' | 'focus' | 'clear' | 'tokenize' };

const actions = fc.array(
  fc.oneof(
    fc.constantFrom<Action>(
      { type: 'drawn' },
      { type: 'app' },
      { type: 'pagehide' },
      { type: 'pageshow' },
    ),
    fc
      .constantFrom('configure' as const, 'focus' as const, 'clear' as const, 'tokenize' as const)
      .map<Action>((method) => ({ type: 'call', method })),
  ),
  { maxLength: 24 },
);

describe('the host link over random lives of its frame', () => {
  it('says hello only when drawn, answers every call in order, tokenize by the app only', async function () {
    this.timeout(180_000);
    await fc.assert(
      fc.asyncProperty(actions, async (script) => {
        /** Who answered which call, in the order they answered. */
        const answered: { by: 'entry' | 'app'; n: number; method: string }[] = [];
        const hellos: { message: FieldMessage; port: MessagePort }[] = [];
        let drawn = false;
        const host: HostMethods = {
          change: () => {},
          focused: () => {},
          blurred: () => {},
          submit: () => {},
          resize: () => {},
          title: () => {},
        };
        /** The call's number rides in `focus(part)` and the config's label. */
        const n = (value: unknown) => Number(String(value));
        const link = openHostLink({
          hostOrigin: 'https://shop.example',
          id: 'frame12345',
          look: () => ({ height: 40, title: 'Card number' }),
          early: {
            configure: async (config) => {
              answered.push({
                by: 'entry',
                n: n((config as { label: string }).label),
                method: 'configure',
              });
              return { height: 40, title: 'Card number' };
            },
            focus: (part) => void answered.push({ by: 'entry', n: n(part), method: 'focus' }),
            blur: () => {},
            clear: () => void answered.push({ by: 'entry', n: -1, method: 'clear' }),
          },
          post: (message, transfer) => {
            expect(drawn, 'hello before the field was drawn').to.equal(true);
            hellos.push({ message, port: transfer[0] as MessagePort });
          },
        });
        const app: FrameMethods = {
          configure: async (config) => {
            answered.push({ by: 'app', n: n(config.label), method: 'configure' });
            return { seq: 1, look: { height: 40, title: 'Card number' } };
          },
          focus: async (part) => {
            answered.push({ by: 'app', n: n(part), method: 'focus' });
            return { seq: 1 };
          },
          blur: async () => ({ seq: 1 }),
          clear: async () => {
            answered.push({ by: 'app', n: -1, method: 'clear' });
            return { seq: 1 };
          },
          tokenize: async (request) => {
            answered.push({ by: 'app', n: n(request.cardholderName), method: 'tokenize' });
            return { ok: false, error: { code: 'incomplete_number', message: '' } };
          },
        };
        let peer: Peer<FrameMethods> | undefined;
        let made = 0;
        const sent: { n: number; method: string; outcome: Promise<unknown> }[] = [];
        let gones = 0;
        for (const action of script) {
          if (action.type === 'call') {
            if (!peer) continue; // no port: the host cannot call
            const k = ++made;
            const call =
              action.method === 'configure'
                ? peer.call('configure', { label: String(k) })
                : action.method === 'focus'
                  ? peer.call('focus', String(k) as CardPart)
                  : action.method === 'clear'
                    ? peer.call('clear')
                    : peer.call('tokenize', {
                        parts: ['number', 'expiry', 'cvc'],
                        cardholderName: String(k),
                      });
            sent.push({
              n: k,
              method: action.method,
              outcome: call.then(
                () => 'answered',
                () => 'dropped',
              ),
            });
          } else {
            if (action.type === 'drawn') drawn = true;
            const before = hellos.length;
            if (action.type === 'app') link.provide(app);
            else link.on(action.type);
            if (hellos.length > before) {
              const { message, port } = hellos.at(-1)!;
              expect(message).to.deep.include({
                ns: FIELD_NAMESPACE,
                type: 'hello',
                id: 'frame12345',
              });
              peer?.close();
              peer = openPeer<FrameMethods, HostMethods>(port, host, HOST_METHOD_NAMES);
              port.addEventListener('message', (event) => {
                if ((event.data as { type?: string }).type === 'gone') gones++;
              });
            }
            if (action.type === 'pagehide' && peer && link.state.startsWith('away'))
              peer = undefined;
          }
          await settle();
        }
        await settle();
        // Each port is used once: a hello per time the frame starts to speak.
        expect(new Set(hellos.map((h) => h.port)).size).to.equal(hellos.length);
        expect(gones).to.be.at.most(hellos.length);
        // In order, whoever answered.
        const numbered = answered.filter((a) => a.n > 0).map((a) => a.n);
        expect(numbered, 'calls answered in the order they came').to.deep.equal(
          [...numbered].sort((a, b) => a - b),
        );
        // Tokenize by the app only; after the app took over, the entry answers nothing.
        expect(answered.filter((a) => a.method === 'tokenize' && a.by === 'entry')).to.deep.equal(
          [],
        );
        const firstApp = answered.findIndex((a) => a.by === 'app');
        if (firstApp >= 0)
          expect(answered.slice(firstApp).filter((a) => a.by === 'entry')).to.deep.equal([]);
      }),
      { numRuns: 80 },
    );
  });

  it('a tokenize that came before the app waits for it, and holds the calls after it', async () => {
    const order: string[] = [];
    const hellos: MessagePort[] = [];
    const link = openHostLink({
      hostOrigin: 'https://shop.example',
      id: 'frame12345',
      look: () => ({ height: 40, title: '' }),
      early: {
        configure: async () => ({ height: 40, title: '' }),
        focus: () => void order.push('entry focus'),
        blur: () => {},
        clear: () => void order.push('entry clear'),
      },
      post: (_message, transfer) => void hellos.push(transfer[0] as MessagePort),
    });
    link.on('drawn');
    const peer = openPeer<FrameMethods, HostMethods>(
      hellos[0]!,
      {} as HostMethods,
      HOST_METHOD_NAMES,
    );
    const tokenize = peer.call('tokenize', { parts: ['number', 'expiry', 'cvc'] });
    const clear = peer.call('clear');
    await settle();
    expect(order).to.deep.equal([]);
    link.provide({
      configure: async () => ({ seq: 0, look: { height: 40, title: '' } }),
      focus: async () => ({ seq: 0 }),
      blur: async () => ({ seq: 0 }),
      clear: async () => (order.push('app clear'), { seq: 3 }),
      tokenize: async () => (
        order.push('app tokenize'),
        { ok: false, error: { code: 'incomplete_number', message: '' } }
      ),
    });
    await tokenize;
    expect(await clear).to.deep.equal({ seq: 3 });
    expect(order).to.deep.equal(['app tokenize', 'app clear']);
  });
});
