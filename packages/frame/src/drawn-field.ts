/**
 * The field as the frame's document is served: `<pay-card-form defer-hydration>` with its inputs
 * already drawn in the document's locale (a declarative shadow root, which the build renders from
 * the form's own template). Before the app runs, the entry script works on it directly: it gives
 * it the host's words, disabled state and direction (the same rule the form renders, from
 * part-texts.ts), keeps what the shopper types in it, keeps a value that arrived without a
 * keystroke out of it (held for the app's fill guard, never read before), and focuses, blurs and
 * clears it. The app then hydrates these very nodes: nothing the shopper sees changes.
 */
import { isCardPart, type CardPart, type FrameConfig, type MessageKey } from '@pay/protocol';
import { frameTitle, groupLabel, partTexts, type Translate } from './card-rules/part-texts.js';
import { servedStrings } from './i18n/served-strings.js';
import { isTypedEdit } from './typed-edit.js';

/** What the shopper did in the drawn inputs, for the app that takes them over. */
export interface DrawnInputs {
  /** What was typed, per part (typed values are in the inputs). */
  typed: Map<CardPart, string>;
  /** Values that arrived without a keystroke, out of the inputs, for the app's fill guard. */
  held: Map<CardPart, string>;
}

export class DrawnField {
  readonly form: HTMLElement;
  readonly parts: CardPart[];
  readonly #held = new Map<CardPart, string>();
  readonly #typed = new Map<CardPart, string>();
  #overrides: FrameConfig['messages'] = {};
  readonly #served = servedStrings();
  #handedOver = false;
  /** The configuration the drawn nodes show (none before the first `show`). */
  shown: FrameConfig | undefined;

  constructor(form: HTMLElement) {
    this.form = form;
    this.parts = (form.getAttribute('parts') ?? '').split(/\s+/).filter(isCardPart);
    for (const part of this.parts) this.#watch(part);
  }

  /** The frame's strings: the merchant's override, else the served locale's. */
  readonly t: Translate = (key: MessageKey) =>
    this.#overrides?.[key] ?? this.#served?.catalog[key] ?? key;

  inputOf(part: CardPart): HTMLInputElement | null {
    return this.form.shadowRoot?.querySelector<HTMLInputElement>(`#${part}`) ?? null;
  }

  /**
   * Makes the drawn field the host's: its words (label, placeholder, the merchant's overrides),
   * disabled state and direction. Styles and fonts are the document's (frame-config.ts).
   */
  show(config: FrameConfig): void {
    this.shown = config;
    this.#overrides = config.messages ?? {};
    const combined = this.parts.length > 1;
    const page = { label: config.label, placeholder: config.placeholder ?? '' };
    if (config.dir) document.documentElement.dir = config.dir;
    if (combined)
      this.form.shadowRoot
        ?.querySelector('.parts')
        ?.setAttribute('aria-label', groupLabel(page, this.t));
    for (const part of this.parts) {
      const input = this.inputOf(part);
      if (!input) continue;
      const texts = partTexts(part, combined, page, this.t);
      input.setAttribute('aria-label', texts.label);
      input.setAttribute('placeholder', texts.placeholder);
      input.toggleAttribute('disabled', config.disabled === true);
    }
  }

  /** The field's name in the frame's language (for the iframe's title). */
  title(): string {
    return frameTitle(this.parts, this.t);
  }

  /** The field's height in CSS pixels: the frame's, as the host sizes its iframe. */
  height(): number {
    return Math.ceil(this.form.getBoundingClientRect().height);
  }

  focus(part?: unknown): void {
    const target = isCardPart(part) && this.parts.includes(part) ? part : this.parts[0];
    if (target) this.inputOf(target)?.focus();
  }

  blur(): void {
    for (const part of this.parts) this.inputOf(part)?.blur();
  }

  clear(): void {
    this.#held.clear();
    this.#typed.clear();
    for (const part of this.parts) {
      const input = this.inputOf(part);
      if (input) input.value = '';
    }
  }

  /** Stops watching and hands what the shopper did to the app (once). */
  handOver(): DrawnInputs {
    this.#handedOver = true;
    return { typed: new Map(this.#typed), held: new Map(this.#held) };
  }

  /**
   * Typed values stay in the input; a value that arrives without a keystroke leaves it at once
   * (the same rule as the fill guard's, typed-edit.ts) and is held for the app to judge.
   */
  #watch(part: CardPart): void {
    const input = this.inputOf(part);
    if (!input) return;
    let typed = false;
    input.addEventListener('beforeinput', (event) => {
      typed = isTypedEdit(event);
    });
    input.addEventListener('input', () => {
      if (this.#handedOver) return;
      if (typed) {
        this.#typed.set(part, input.value);
        this.#held.delete(part); // the shopper's own edit came after the fill: it wins
      } else {
        this.#held.set(part, input.value);
        input.value = this.#typed.get(part) ?? '';
      }
      typed = false;
    });
  }
}
