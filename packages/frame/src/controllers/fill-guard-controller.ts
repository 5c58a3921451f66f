import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isTypedEdit } from '../typed-edit.js';

/**
 * Below this size (CSS px, either side) a frame is no field a customer could see or fill: a
 * 4×4 px frame hidden in the checkout form is an attacker's collector, not a card field.
 */
const MIN_VISIBLE_SIDE = 16;

type GuardHost = ReactiveControllerHost &
  HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** IntersectionObserver v2 (Chromium): whether the target is really seen, not just on screen. */
type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/**
 * Decides whether a new value in an input may be taken. Browsers autofill every card field of
 * the gateway origin in the form where autofill started, other groups' frames included (a
 * hidden group added by a script, an ad's frame, a hostile page framing the checkout). So a
 * value that arrives without a keystroke is taken only from a frame that can be seen, and only
 * while the customer is in this group: this frame has focus and is on screen, or a focused
 * frame of its group (same publishable key) that is on screen says so. A frame off screen (a
 * group a script placed at `left:-3000px`, or the customer's own CVC scrolled out of view)
 * never vouches for itself: only the customer's focused, visible field can. Typing and
 * pasting into the focused input are always taken.
 */
export class FillGuardController implements ReactiveController {
  readonly #host: GuardHost;
  /** Asks the group's other frames whether one of them has focus; false if none answers. */
  readonly #askGroup: () => Promise<boolean>;
  /** The input a trusted `beforeinput` just announced an edit for, until its `input` event. */
  #typedInto: EventTarget | null = null;
  #occluded = false;
  /** Whether any of the frame is in the viewport; unknown (false) until the browser says. */
  #onScreen = typeof IntersectionObserver === 'undefined';
  #observer: IntersectionObserver | undefined;
  /** Settles once the browser has said where the frame is (at once without IntersectionObserver). */
  #observed: Promise<void>;
  #known = typeof IntersectionObserver === 'undefined';
  #seen: () => void = () => {};

  constructor(host: GuardHost, askGroup: () => Promise<boolean>) {
    this.#host = host;
    this.#askGroup = askGroup;
    this.#observed = this.#onScreen
      ? Promise.resolve()
      : new Promise((resolve) => (this.#seen = resolve));
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.renderRoot.addEventListener('beforeinput', this.#onBeforeInput, true);
    this.#observe();
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('beforeinput', this.#onBeforeInput, true);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /**
   * False when the frame is too small to be a field, or when the browser says it is on screen
   * but not seen (transparent, covered, filtered). Off screen and wholly clipped look the same
   * to a frame as scrolled away, so those are left to the focus rule.
   */
  get visible(): boolean {
    if (innerWidth < MIN_VISIBLE_SIDE || innerHeight < MIN_VISIBLE_SIDE) return false;
    return !this.#occluded;
  }

  /** True when this frame holds the focus of the page, is on screen and can be seen. */
  get focused(): boolean {
    return document.hasFocus() && this.visible && this.#onScreen;
  }

  /**
   * `focused`, once the browser has said where the frame is: a frame whose app has just
   * started (its observer not heard from yet) may well be the one the customer is in.
   */
  async customerHere(): Promise<boolean> {
    await this.#observed;
    return this.focused;
  }

  /** Whether the value just put into `input` may be taken: now, never, or once the group answers. */
  admit(input: HTMLInputElement): boolean | Promise<boolean> {
    const typed = this.#typedInto === input;
    this.#typedInto = null;
    if (typed && document.hasFocus()) return true;
    return this.admitFill();
  }

  /** Whether a value that came without a keystroke (autofill, a password manager, a drop) may be taken. */
  admitFill(): boolean | Promise<boolean> {
    // Judged once the browser has said where the frame is (an app just started).
    if (!this.#known) return this.#observed.then(() => this.admitFill());
    if (!this.visible) return false;
    if (this.focused) return true;
    return this.#askGroup();
  }

  #onBeforeInput = (event: Event): void => {
    if (!isTypedEdit(event)) return;
    this.#typedInto = event.target;
    // The `input` event of this edit comes in the same task; a cancelled edit never sends one.
    setTimeout(() => {
      if (this.#typedInto === event.target) this.#typedInto = null;
    });
  };

  #observe(): void {
    if (this.#observer || typeof IntersectionObserver === 'undefined') return;
    const options = { trackVisibility: true, delay: 100, threshold: [0, 1] };
    this.#observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1] as VisibilityEntry | undefined;
      // Browsers without v2 leave isVisible undefined: nothing is known, nothing is refused.
      this.#occluded = entry?.isIntersecting === true && entry.isVisible === false;
      this.#onScreen = entry?.isIntersecting === true;
      this.#known = true;
      this.#seen();
    }, options as IntersectionObserverInit);
    this.#observer.observe(this.#host);
  }
}
