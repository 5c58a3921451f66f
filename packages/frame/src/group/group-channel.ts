import { randomId, type CardBrand, type CardPart } from '@pay/protocol';
import {
  GROUP_NAMESPACE,
  isGroupMessage,
  type GroupMessage,
  type PartValue,
} from '@pay/protocol/gateway';

/** What a frame offers its group. */
export interface GroupMember {
  /** The parts this frame draws. */
  parts: CardPart[];
  /** True in a number or combined frame: the host may ask it to tokenize. */
  leads: boolean;
  values(): PartValue[];
  reveal(): void;
  setBrand(brand: CardBrand | null): void;
  /** The brand of this frame's own number; undefined in a frame without one. */
  ownBrand(): CardBrand | null | undefined;
  /** The publishable key the host configured, '' until then. */
  key(): string;
  /** True when this frame has the page's focus, is on screen and can be seen. */
  hasCustomer(): Promise<boolean>;
}

/**
 * A safety net only: the host calls tokenize once every frame of the group is connected, and
 * connected frames answer at once. Generous, so a busy machine never fails a good card.
 */
const COLLECT_TIMEOUT_MS = 20000;

/**
 * How long a frame filled without a keystroke waits for a focused sibling to answer. A focused
 * sibling answers within milliseconds; silence means the customer is in no frame of this group.
 */
const FILL_ANSWER_MS = 3000;

/** Same origin as this frame: a group sibling, not a merchant or third-party frame. */
function isGatewayWindow(win: Window): boolean {
  try {
    // Reading `origin` of a cross-origin window throws, silently; posting to it would not.
    return win.origin === location.origin;
  } catch {
    return false;
  }
}

/**
 * Talks to the other frames of one group without the merchant page in between: each frame
 * finds its siblings in `window.parent.frames` (the host keeps its iframes in the light DOM so
 * they are listed there), posts with targetOrigin = its own (gateway) origin, and accepts
 * only its own origin, from a sibling frame, with its group's id.
 *
 * Values move ahead of time: a frame that may tokenize announces itself (`lead`), and every
 * other frame of the group pushes its values to that window alone whenever they change, so
 * `collect()` at tokenize time reads what it already holds instead of a round trip.
 */
export class GroupChannel {
  readonly #group: string;
  readonly #member: GroupMember;
  /** Open collects: fed by answers (`seq` undefined: current) and by pushes (with their version). */
  readonly #pending = new Map<string, (values: PartValue[], seq?: number) => void>();
  /** In a leading frame: the latest values pushed by the siblings, with their values version. */
  readonly #pushed = new Map<CardPart, { value: PartValue; seq: number }>();
  /** This frame's values version: how many times its values changed. */
  #seq = 0;
  /** The sibling windows that asked for this frame's values. */
  readonly #leaders = new Set<Window>();
  /** `collect`s that came before the host gave this frame its key: answered if it is theirs. */
  #unansweredCollects: { source: Window; id: string; key: string }[] = [];
  /** Open `fill-query`s: called when a focused sibling answers. */
  readonly #fillQueries = new Map<string, () => void>();
  #started = false;

  constructor(group: string, member: GroupMember) {
    this.#group = group;
    this.#member = member;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    window.addEventListener('message', this.#onMessage);
    this.#announce();
  }

  /**
   * Tells the group's frames holding this frame's key that it is here: a leader asks for
   * their values, another frame for a leader (which answers with its number's brand too).
   * Without a key nobody would listen: it is said again once the key comes.
   */
  #announce(): void {
    if (!this.#started || !this.#member.key()) return;
    if (this.#member.leads) this.#broadcast(this.#message({ type: 'lead' }));
    else this.#broadcast(this.#message({ type: 'join', parts: this.#member.parts }));
    const brand = this.#member.ownBrand();
    if (brand !== undefined) this.shareBrand(brand);
  }

  /** The values pushed so far: they were given under a key this frame no longer holds. */
  forget(): void {
    this.#pushed.clear();
  }

  /**
   * The host gave this frame its (first or a new) key: the values go again, under it, to the
   * leaders and to the collects that came before it (a frame that loaded late).
   */
  keyChanged(): void {
    const key = this.#member.key();
    // The leaders known so far led under the old key; those holding the new one say so again.
    this.#leaders.clear();
    for (const collect of this.#unansweredCollects.splice(0))
      if (collect.key === key) this.#answerCollect(collect.source, collect.id);
    this.#announce();
  }

  #answerCollect(source: Window, id: string): void {
    this.#post(source, this.#message({ type: 'values', id, values: this.#member.values() }));
  }

  /** This frame's values version, which the host's calls answer with (see TokenizeRequest). */
  get seq(): number {
    return this.#seq;
  }

  stop(): void {
    this.#started = false;
    window.removeEventListener('message', this.#onMessage);
    this.#leaders.clear();
    this.#pushed.clear();
    this.#unansweredCollects = [];
  }

  shareBrand(brand: CardBrand | null): void {
    if (this.#member.key()) this.#broadcast(this.#message({ type: 'brand', brand }));
  }

  /** This frame's values changed: a new version, handed to the frames that lead the group. */
  valuesChanged(): void {
    this.#seq++;
    this.#pushValues();
  }

  #pushValues(): void {
    if (!this.#leaders.size) return;
    const message = this.#message({ type: 'push', values: this.#member.values(), seq: this.#seq });
    for (const leader of this.#leaders) this.#post(leader, message);
  }

  /**
   * The values of `parts` from the group's frames (this one included): the pushed ones when
   * every part is there, each at least at the version `after` names for it (the host's earlier
   * calls to that frame have taken effect), else a round trip, whose answers are current. The
   * siblings show their errors, as on submit.
   */
  collect(
    parts: CardPart[],
    after: Partial<Record<CardPart, number>> = {},
  ): Promise<Map<CardPart, PartValue>> {
    // After this task: the frames of a group share one renderer, so redrawing them waits
    // until the token request has left.
    setTimeout(() => {
      this.#member.reveal();
      this.#broadcast(this.#message({ type: 'reveal' }));
    });
    const found = new Map<CardPart, PartValue>();
    for (const [part, pushed] of this.#pushed)
      if (pushed.seq >= (after[part] ?? 0)) found.set(part, pushed.value);
    for (const value of this.#member.values()) found.set(value.part, value);
    if (parts.every((part) => found.has(part))) return Promise.resolve(found);
    const id = randomId();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error('a field of the group did not answer'));
      }, COLLECT_TIMEOUT_MS);
      this.#pending.set(id, (values, seq) => {
        for (const value of values)
          if (seq === undefined || seq >= (after[value.part] ?? 0)) found.set(value.part, value);
        if (parts.every((part) => found.has(part))) {
          clearTimeout(timer);
          this.#pending.delete(id);
          resolve(found);
        }
      });
      this.#broadcast(this.#message({ type: 'collect', id }));
    });
  }

  /**
   * Whether the customer is in this group: true once a sibling that has focus, can be seen
   * and holds the same publishable key answers, false after FILL_ANSWER_MS of silence.
   */
  customerInGroup(): Promise<boolean> {
    if (!this.#member.key()) return Promise.resolve(false);
    const id = randomId();
    return new Promise((resolve) => {
      const settle = (answer: boolean): void => {
        clearTimeout(timer);
        this.#fillQueries.delete(id);
        resolve(answer);
      };
      const timer = setTimeout(() => settle(false), FILL_ANSWER_MS);
      this.#fillQueries.set(id, () => settle(true));
      this.#broadcast(this.#message({ type: 'fill-query', id }));
    });
  }

  #message(body: DistributiveOmit<GroupMessage, 'ns' | 'group' | 'key'>): GroupMessage {
    return {
      ns: GROUP_NAMESPACE,
      group: this.#group,
      key: this.#member.key(),
      ...body,
    } as GroupMessage;
  }

  #post(target: Window, message: GroupMessage): void {
    target.postMessage(message, location.origin);
  }

  /**
   * Posts only to gateway-origin frames: a frame of another origin (the merchant's, one still
   * on about:blank) would make the browser print a target-origin error on the merchant page.
   * Never used for values: they go to one window of the group at a time.
   */
  #broadcast(message: GroupMessage): void {
    if (window.parent === window) return;
    const siblings = window.parent.frames;
    for (let i = 0; i < siblings.length; i++) {
      const sibling = siblings[i];
      if (sibling && sibling !== window && isGatewayWindow(sibling)) this.#post(sibling, message);
    }
  }

  #isSibling(source: MessageEventSource | null): source is Window {
    if (!source || window.parent === window) return false;
    const siblings = window.parent.frames;
    for (let i = 0; i < siblings.length; i++) if (siblings[i] === source) return true;
    return false;
  }

  #onMessage = (event: MessageEvent): void => {
    if (event.origin !== location.origin || !this.#isSibling(event.source)) return;
    const message: unknown = event.data;
    if (!isGroupMessage(message, this.#group)) return;
    const source = event.source;
    const key = this.#member.key();
    if (!key) {
      // Values answered without a key would be refused by a keyed leader: wait for the key.
      if (message.type === 'collect' && this.#unansweredCollects.length < 16)
        this.#unansweredCollects.push({ source, id: message.id, key: message.key });
      return;
    }
    // The group id alone is no secret (a script can copy it into a group of its own): every
    // message, the ones that change a frame's state included, is taken only from a frame
    // holding this frame's publishable key.
    if (message.key !== key) return;
    // A frame that announces itself may be the one the customer is in, its app just started:
    // the fill queries still open are asked of it too.
    if (message.type === 'lead' || message.type === 'join')
      for (const id of this.#fillQueries.keys())
        this.#post(source, this.#message({ type: 'fill-query', id }));
    switch (message.type) {
      case 'lead':
        if (this.#member.leads) break;
        this.#leaders.add(source);
        this.#post(
          source,
          this.#message({ type: 'push', values: this.#member.values(), seq: this.#seq }),
        );
        break;
      case 'join': {
        if (!this.#member.leads) break;
        // A fresh frame holds nothing yet: values pushed by its previous document are gone.
        for (const part of message.parts) this.#pushed.delete(part);
        this.#post(source, this.#message({ type: 'lead' }));
        const brand = this.#member.ownBrand();
        if (brand !== undefined) this.#post(source, this.#message({ type: 'brand', brand }));
        break;
      }
      case 'push':
        if (!this.#member.leads) break;
        for (const value of message.values)
          this.#pushed.set(value.part, { value, seq: message.seq });
        // A sibling whose app started after a collect went out (it missed it) answers so.
        for (const settle of this.#pending.values()) settle(message.values, message.seq);
        break;
      case 'reveal':
        this.#member.reveal();
        break;
      case 'collect':
        this.#answerCollect(source, message.id);
        break;
      case 'values':
        this.#pending.get(message.id)?.(message.values);
        break;
      case 'brand':
        this.#member.setBrand(message.brand);
        break;
      case 'fill-query': {
        const answer = this.#message({ type: 'fill-answer', id: message.id });
        void this.#member.hasCustomer().then((yes) => yes && this.#post(source, answer));
        break;
      }
      case 'fill-answer':
        this.#fillQueries.get(message.id)?.();
        break;
    }
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
