// The group channel between sibling frames (group-channel.ts), driven for real: each frame of
// the group is a same-origin iframe of the test page running its own copy of the module, so
// `window.parent.frames`, `location.origin` and `event.source` are what they are in a checkout.
// A "peer" is such a frame without a channel: it forges messages from a sibling window and
// records what the channels send it.
import { expect, waitUntil } from '@open-wc/testing';
import type { CardBrand, CardPart } from '@pay/protocol';
import type { GroupMessage, PartValue } from '@pay/protocol/gateway';
import type { GroupChannel, GroupMember } from '../src/group/group-channel.js';
import {
  postFromForeignOrigin,
  removeSiblingFrames,
  siblingFrame,
  type SiblingWindow,
} from './sibling-frames.js';

type GroupModule = typeof import('../src/group/group-channel.js');

const MODULE = new URL('../src/group/group-channel.ts', import.meta.url).href;
const GROUP = 'group12345';
const KEY = 'pk_test_group1';
const OTHER_KEY = 'pk_test_other1';
const NUMBER = '4242424242424242';

/** A fake frame behind the channel: what it holds and what the group did to it. */
interface Member extends GroupMember {
  keyValue: string;
  current: PartValue[];
  brand: CardBrand | null | undefined;
  customer: boolean;
  revealed: number;
  brands: (CardBrand | null)[];
}

function member(
  parts: CardPart[],
  values: Partial<Record<CardPart, string>>,
  options: { leads?: boolean; key?: string; brand?: CardBrand | null; customer?: boolean } = {},
): Member {
  const m: Member = {
    parts,
    leads: options.leads ?? false,
    keyValue: options.key ?? KEY,
    current: parts.map((part) => ({ part, value: values[part] ?? '' })),
    brand: options.brand,
    customer: options.customer ?? false,
    revealed: 0,
    brands: [],
    values: () => m.current,
    reveal: () => void m.revealed++,
    setBrand: (brand) => void m.brands.push(brand),
    ownBrand: () => m.brand,
    key: () => m.keyValue,
    hasCustomer: () => Promise.resolve(m.customer),
  };
  return m;
}

interface Frame {
  win: SiblingWindow;
  /** Every group message this frame received from `from`, in order. */
  from(from: Frame): GroupMessage[];
}

interface Sibling extends Frame {
  member: Member;
  channel: GroupChannel;
}

const channels: GroupChannel[] = [];

async function peer(): Promise<Frame> {
  const { win } = await siblingFrame(MODULE);
  return {
    win,
    from: (from) =>
      win.received.filter((r) => r.source === from.win).map((r) => r.data as GroupMessage),
  };
}

/** A frame running a channel for `m`, started unless told otherwise. */
async function sibling(m: Member, { start = true } = {}): Promise<Sibling> {
  const frame = await peer();
  const { GroupChannel } = frame.win.loaded as GroupModule;
  const channel = new GroupChannel(GROUP, m);
  channels.push(channel);
  if (start) channel.start();
  return { ...frame, member: m, channel };
}

function message(key: string, body: Record<string, unknown>, group = GROUP): GroupMessage {
  return { ns: 'pay-group', group, key, ...body } as GroupMessage;
}

/** Posts from `from`'s window, so `to` sees a sibling frame of its own origin as the source. */
function post(from: Frame, to: Frame, ...messages: GroupMessage[]): void {
  for (const m of messages) from.win.send(to.win, m);
}

async function until(predicate: () => unknown, what: string): Promise<void> {
  await waitUntil(predicate, what, { timeout: 5000 });
}

const types = (messages: GroupMessage[]) => messages.map((m) => m.type);
const valueOf = (found: Map<CardPart, PartValue>, part: CardPart) => found.get(part)?.value;

describe('group-channel', () => {
  afterEach(() => {
    for (const channel of channels.splice(0)) channel.stop();
    removeSiblingFrames();
  });

  it('a leader holds what a sibling with its key pushes, and collects without asking', async () => {
    const expiry = await sibling(member(['expiry'], { expiry: '12 / 30' }));
    const watcher = await peer();
    const leader = await sibling(member(['number'], { number: NUMBER }, { leads: true }));
    await until(() => types(leader.from(expiry)).includes('push'), 'the sibling never pushed');
    expect(leader.from(expiry)[0]).to.deep.include({ type: 'push', key: KEY, seq: 0 });

    const found = await leader.channel.collect(['number', 'expiry'], { expiry: 0 });
    expect(valueOf(found, 'number')).to.equal(NUMBER);
    expect(valueOf(found, 'expiry')).to.equal('12 / 30');
    // The siblings show their errors, as on submit: `reveal` goes after the collect, and no
    // `collect` went out before it (messages from one window arrive in order).
    await until(() => expiry.member.revealed === 1, 'the sibling was not told to reveal');
    expect(leader.member.revealed).to.equal(1);
    await until(() => types(watcher.from(leader)).includes('reveal'), 'no reveal');
    expect(types(watcher.from(leader))).to.deep.equal(['lead', 'reveal']);

    // A change is a new version, pushed to the leader: a collect after it waits for it.
    expiry.member.current = [{ part: 'expiry', value: '01 / 31' }];
    expiry.channel.valuesChanged();
    expect(expiry.channel.seq).to.equal(1);
    const later = await leader.channel.collect(['number', 'expiry'], { expiry: 1 });
    expect(valueOf(later, 'expiry')).to.equal('01 / 31');
    expect(leader.from(expiry).at(-1)).to.deep.include({ type: 'push', seq: 1 });
  });

  it('a pushed value older than the version asked for, or forgotten, is asked for again', async () => {
    const expiry = await sibling(member(['expiry'], { expiry: '12 / 30' }));
    const leader = await sibling(member(['number'], { number: NUMBER }, { leads: true }));
    await until(() => types(leader.from(expiry)).includes('push'), 'the sibling never pushed');

    // The host's last call to the expiry frame answered version 2: the push (0) is too old.
    const found = await leader.channel.collect(['number', 'expiry'], { expiry: 2 });
    expect(valueOf(found, 'expiry')).to.equal('12 / 30');
    expect(types(expiry.from(leader))).to.include('collect');
    expect(types(leader.from(expiry))).to.include('values');

    // Values pushed under a key the leader no longer holds are dropped.
    leader.channel.forget();
    const asked = expiry.from(leader).filter((m) => m.type === 'collect').length;
    await leader.channel.collect(['number', 'expiry']);
    expect(expiry.from(leader).filter((m) => m.type === 'collect')).to.have.length(asked + 1);
  });

  it('a frame that joins is sent `lead` and the leader’s brand, and pushes to it', async () => {
    const leader = await sibling(
      member(['number'], { number: NUMBER }, { leads: true, brand: 'visa' }),
    );
    const cvc = await sibling(member(['cvc'], { cvc: '737' }));
    await until(() => leader.from(cvc).length > 0, 'the join never came');
    expect(types(leader.from(cvc))[0]).to.equal('join');
    expect(leader.from(cvc)[0]).to.deep.include({ parts: ['cvc'] });
    await until(() => cvc.member.brands.includes('visa'), 'the brand never came');
    expect(types(cvc.from(leader))).to.deep.equal(['lead', 'brand']);
    await until(() => types(leader.from(cvc)).includes('push'), 'the sibling never pushed');
    expect(valueOf(await leader.channel.collect(['number', 'cvc']), 'cvc')).to.equal('737');

    leader.channel.shareBrand('mastercard');
    await until(() => cvc.member.brands.at(-1) === 'mastercard', 'the new brand never came');
  });

  it('a join from a reloaded sibling drops the values its previous document pushed', async () => {
    const old = await sibling(member(['expiry'], { expiry: '12 / 30' }));
    const leader = await sibling(member(['number'], { number: NUMBER }, { leads: true }));
    await until(() => types(leader.from(old)).includes('push'), 'the sibling never pushed');
    old.channel.stop();

    const fresh = await peer();
    post(fresh, leader, message(KEY, { type: 'join', parts: ['expiry'] }));
    await until(() => types(fresh.from(leader)).includes('lead'), 'the join was not answered');
    const collecting = leader.channel.collect(['number', 'expiry']);
    await until(() => types(fresh.from(leader)).includes('collect'), 'nothing was asked');
    const { id } = fresh.from(leader).find((m) => m.type === 'collect') as { id: string };
    post(
      fresh,
      leader,
      message(KEY, { type: 'values', id, values: [{ part: 'expiry', value: '' }] }),
    );
    expect(valueOf(await collecting, 'expiry')).to.equal('');
  });

  it('a frame takes nothing from a sibling with another key, and answers it nothing', async () => {
    const expiry = await sibling(member(['expiry'], { expiry: '12 / 30' }, { customer: true }));
    const stranger = await peer();
    post(
      stranger,
      expiry,
      message(OTHER_KEY, { type: 'brand', brand: 'amex' }),
      message(OTHER_KEY, { type: 'reveal' }),
      message(OTHER_KEY, { type: 'lead' }),
      message(OTHER_KEY, { type: 'collect', id: 'other-key' }),
      message(OTHER_KEY, { type: 'fill-query', id: 'other-key' }),
      // The same key: answered, after anything the messages above would have caused.
      message(KEY, { type: 'collect', id: 'same-key' }),
    );
    await until(() => expiry.from(stranger).length === 6, 'not all messages arrived');
    await until(() => stranger.from(expiry).length > 0, 'the same key was not answered');
    expect(stranger.from(expiry)).to.deep.equal([
      message(KEY, { type: 'values', id: 'same-key', values: expiry.member.current }),
    ]);
    expect(expiry.member.brands).to.deep.equal([]);
    expect(expiry.member.revealed).to.equal(0);
  });

  it('a leader takes no values, joins or answers under another key', async () => {
    const leader = await sibling(member(['number'], { number: NUMBER }, { leads: true }));
    const stranger = await peer();
    post(
      stranger,
      leader,
      message(OTHER_KEY, { type: 'join', parts: ['expiry'] }),
      message(OTHER_KEY, { type: 'push', values: [{ part: 'expiry', value: '01 / 99' }], seq: 9 }),
    );
    await until(() => leader.from(stranger).length === 2, 'not all messages arrived');
    const collecting = leader.channel.collect(['number', 'expiry']);
    // Had the push been taken, the collect would have resolved without asking.
    await until(() => types(stranger.from(leader)).includes('collect'), 'nothing was asked');
    // Nor was the join answered (with `lead`).
    expect(types(stranger.from(leader))[0]).to.equal('collect');
    const { id } = stranger.from(leader)[0] as { id: string };
    post(
      stranger,
      leader,
      message(OTHER_KEY, { type: 'values', id, values: [{ part: 'expiry', value: '01 / 98' }] }),
      message(KEY, { type: 'values', id, values: [{ part: 'expiry', value: '12 / 30' }] }),
    );
    expect(valueOf(await collecting, 'expiry')).to.equal('12 / 30');
  });

  it('without a key a frame says and takes nothing; a collect it got is answered under its key only', async () => {
    const expiry = await sibling(member(['expiry'], { expiry: '12 / 30' }, { key: '' }));
    const asker = await peer();
    expect(await expiry.channel.customerInGroup()).to.equal(false);
    post(
      asker,
      expiry,
      message(KEY, { type: 'collect', id: 'for-the-key' }),
      message(OTHER_KEY, { type: 'collect', id: 'for-another' }),
      message(KEY, { type: 'brand', brand: 'visa' }),
      message(KEY, { type: 'reveal' }),
    );
    await until(() => expiry.from(asker).length === 4, 'not all messages arrived');
    expect(expiry.member.brands).to.deep.equal([]);
    expect(expiry.member.revealed).to.equal(0);

    expiry.member.keyValue = KEY;
    expiry.channel.keyChanged();
    await until(() => types(asker.from(expiry)).includes('join'), 'no join once keyed');
    // Nothing before the key (not even the join of start()), then the collect of its key.
    expect(asker.from(expiry)).to.deep.equal([
      message(KEY, { type: 'values', id: 'for-the-key', values: expiry.member.current }),
      message(KEY, { type: 'join', parts: ['expiry'] }),
    ]);
  });

  it('hears only its own origin, its sibling frames and its group', async () => {
    const expiry = await sibling(member(['expiry'], { expiry: '12 / 30' }));
    const sib = await peer();
    const brand = (brand: CardBrand) => message(KEY, { type: 'brand', brand });
    // Another origin among the siblings, with the right group and key.
    await postFromForeignOrigin(expiry.win, brand('amex'));
    // The page itself: the right origin, but no sibling frame.
    expiry.win.postMessage(brand('discover'), location.origin);
    // A sibling of another group.
    post(sib, expiry, message(KEY, { type: 'brand', brand: 'jcb' }, 'othergroup'));
    await until(() => expiry.win.received.length === 3, 'not all messages arrived');
    expect(expiry.win.received.map((r) => r.origin)).to.have.members([
      'null',
      location.origin,
      location.origin,
    ]);
    post(sib, expiry, brand('visa'));
    await until(() => expiry.member.brands.length > 0, 'the sibling was not heard');
    expect(expiry.member.brands).to.deep.equal(['visa']);
  });

  it('a fill query is answered only by a frame with the customer and the same key', async function () {
    this.timeout(30_000);
    const filled = await sibling(member(['cvc'], {}));
    const elsewhere = await sibling(member(['number'], {}, { key: OTHER_KEY, customer: true }));
    const here = await sibling(member(['expiry'], {}, { customer: false }));
    // Silence: false once the wait (3 s) is over.
    expect(await filled.channel.customerInGroup()).to.equal(false);
    expect(types(elsewhere.from(filled))).to.include('fill-query');
    expect(types(filled.from(elsewhere))).to.not.include('fill-answer');

    here.member.customer = true;
    expect(await filled.channel.customerInGroup()).to.equal(true);
    expect(types(filled.from(here))).to.include('fill-answer');
  });

  it('an open fill query is asked again of a frame whose app just started', async () => {
    const filled = await sibling(member(['cvc'], {}));
    const late = await sibling(member(['number'], {}, { leads: true, customer: true }), {
      start: false,
    });
    const asking = filled.channel.customerInGroup();
    await until(() => late.from(filled).length > 0, 'the query never came');
    late.channel.start();
    expect(await asking).to.equal(true);
    // The first query reached a frame not listening yet; the second, after its `lead`, did.
    expect(types(late.from(filled)).filter((t) => t === 'fill-query')).to.have.length(2);
  });

  it('a new key: the frame leaves its old leaders and announces itself under the new one', async () => {
    const leader = await sibling(member(['number'], { number: NUMBER }, { leads: true }));
    const expiry = await sibling(member(['expiry'], { expiry: '12 / 30' }));
    await until(() => types(leader.from(expiry)).includes('push'), 'the sibling never pushed');

    expiry.member.keyValue = OTHER_KEY;
    expiry.channel.keyChanged();
    expiry.channel.valuesChanged();
    // A brand after it all: once it arrived, whatever came before has too.
    expiry.channel.shareBrand(null);
    await until(() => types(leader.from(expiry)).includes('brand'), 'no brand');
    expect(types(leader.from(expiry))).to.deep.equal(['join', 'push', 'join', 'brand']);
    expect(leader.from(expiry)[2]).to.have.property('key', OTHER_KEY);
    expect(leader.member.brands).to.deep.equal([]);

    const newLeader = await sibling(
      member(['number'], { number: NUMBER }, { leads: true, key: OTHER_KEY }),
    );
    await until(() => types(newLeader.from(expiry)).includes('push'), 'no push to the new key');
    expect(newLeader.from(expiry).at(-1)).to.deep.include({ key: OTHER_KEY, seq: 1 });
  });

  it('a stopped channel no longer hears its group', async () => {
    const expiry = await sibling(member(['expiry'], { expiry: '12 / 30' }));
    const asker = await peer();
    expiry.channel.stop();
    post(asker, expiry, message(KEY, { type: 'collect', id: 'while-stopped' }));
    await until(() => expiry.from(asker).length === 1, 'the collect did not arrive');
    expiry.channel.start();
    post(asker, expiry, message(KEY, { type: 'collect', id: 'started' }));
    await until(() => types(asker.from(expiry)).includes('values'), 'not answered once started');
    expect(asker.from(expiry).map((m) => (m as { id?: string }).id ?? m.type)).to.deep.equal([
      'join',
      'started',
    ]);
  });
});
