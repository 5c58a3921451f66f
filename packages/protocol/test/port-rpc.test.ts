// The RPC over a field's port: typed calls and tells, only the receiver's listed methods by own
// name, nothing of an error crosses, and closing lets every waiting call go.
import { expect } from '@open-wc/testing';
import { openPeer, type Methods } from '../src/port-rpc.js';

type Counter = {
  add(n: number): number;
  fail(): void;
  slow(): Promise<string>;
  noted(text: string): void;
};

function pair(local: Partial<Counter> = {}) {
  const channel = new MessageChannel();
  const heard: string[] = [];
  const counter: Counter = {
    add: (n) => n + 1,
    fail: () => {
      throw new Error('secret 4242 4242 4242 4242 in a message');
    },
    slow: () => new Promise(() => {}),
    noted: (text) => void heard.push(text),
    ...local,
  };
  openPeer<Methods, Counter>(channel.port1, counter, {
    add: true,
    fail: true,
    slow: true,
    noted: true,
  });
  const caller = openPeer<Counter, Methods>(channel.port2, {}, {});
  return { caller, heard, raw: channel.port2 };
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value }),
    (error: Error) => ({ error: error.message }),
  );

describe('port RPC', () => {
  it('calls a listed method and answers once it has run; tells are not answered', async () => {
    const { caller, heard } = pair();
    expect(await caller.call('add', 41)).to.equal(42);
    caller.tell('noted', 'hello');
    await caller.call('add', 0);
    expect(heard).to.deep.equal(['hello']);
  });

  it('runs only the listed methods, by own name: never one of a prototype', async () => {
    const { raw, caller } = pair();
    const answers: { reply: number }[] = [];
    raw.addEventListener('message', (event) => answers.push(event.data));
    for (const method of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'missing'])
      raw.postMessage({ call: 7, method, args: [] });
    raw.postMessage({ call: 8, method: 'add', args: 'not a list' });
    raw.postMessage({ tell: 'constructor', args: ['return 1'] });
    // A port keeps order: once a later call is answered, every answer above has come.
    await caller.call('add', 0);
    expect(answers.filter(({ reply }) => reply >= 7)).to.deep.equal([
      ...Array(5).fill({ reply: 7, ok: false }),
      { reply: 8, ok: false },
    ]);
  });

  it('a method that throws answers a bare failure: nothing of the error crosses', async () => {
    const { caller, raw } = pair();
    const seen: string[] = [];
    raw.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
    expect(await outcome(caller.call('fail'))).to.deep.equal({ error: 'call failed' });
    expect(seen.join()).to.not.match(/4242|secret/);
  });

  it('closing rejects every call still waiting, and every later one', async () => {
    const { caller } = pair();
    const waiting = outcome(caller.call('slow'));
    caller.close();
    expect(await waiting).to.deep.equal({ error: 'closed' });
    expect(await outcome(caller.call('add', 1))).to.deep.equal({ error: 'closed' });
  });

  it('ignores what is not a message of its own', async () => {
    const { caller, raw } = pair();
    for (const junk of [null, 1, 'x', [], { reply: 'x' }, { call: 'x' }, { ns: 'pay-field' }])
      raw.postMessage(junk);
    expect(await caller.call('add', 1)).to.equal(2);
  });
});
