import {
  GROUP_NAMESPACE,
  isGroupMessage,
  randomId,
  type CardBrand,
  type CardPart,
  type GroupMessage,
  type PartValue,
} from '@pay/protocol';

/** What a frame offers its group. */
export interface GroupMember {
  values(): PartValue[];
  reveal(): void;
  setBrand(brand: CardBrand | null): void;
}

/**
 * A safety net only: the host calls tokenize once every frame of the group is connected, and
 * connected frames answer at once. Generous, so a busy machine never fails a good card.
 */
const COLLECT_TIMEOUT_MS = 20000;

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
 */
export class GroupChannel {
  readonly #group: string;
  readonly #member: GroupMember;
  readonly #pending = new Map<string, (values: PartValue[]) => void>();

  constructor(group: string, member: GroupMember) {
    this.#group = group;
    this.#member = member;
  }

  start(): void {
    window.addEventListener('message', this.#onMessage);
  }

  stop(): void {
    window.removeEventListener('message', this.#onMessage);
  }

  shareBrand(brand: CardBrand | null): void {
    this.#broadcast({ ns: GROUP_NAMESPACE, group: this.#group, type: 'brand', brand });
  }

  /** Gathers the values of `parts` from the group's frames (this one included). */
  collect(parts: CardPart[]): Promise<Map<CardPart, PartValue>> {
    const id = randomId();
    const found = new Map<CardPart, PartValue>();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error('a field of the group did not answer'));
      }, COLLECT_TIMEOUT_MS);
      this.#pending.set(id, (values) => {
        for (const value of values) found.set(value.part, value);
        if (parts.every((part) => found.has(part))) {
          clearTimeout(timer);
          this.#pending.delete(id);
          resolve(found);
        }
      });
      this.#broadcast({ ns: GROUP_NAMESPACE, group: this.#group, type: 'collect', id });
    });
  }

  /**
   * Posts only to gateway-origin frames: a frame of another origin (the merchant's, one still
   * on about:blank) would make the browser print a target-origin error on the merchant page.
   */
  #broadcast(message: GroupMessage): void {
    if (window.parent === window) return;
    const siblings = window.parent.frames;
    for (let i = 0; i < siblings.length; i++) {
      const sibling = siblings[i];
      if (sibling && isGatewayWindow(sibling)) sibling.postMessage(message, location.origin);
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
    switch (message.type) {
      case 'collect': {
        this.#member.reveal();
        const reply: GroupMessage = {
          ns: GROUP_NAMESPACE,
          group: this.#group,
          type: 'values',
          id: message.id,
          values: this.#member.values(),
        };
        event.source.postMessage(reply, location.origin);
        break;
      }
      case 'values':
        this.#pending.get(message.id)?.(message.values);
        break;
      case 'brand':
        this.#member.setBrand(message.brand);
        break;
    }
  };
}
