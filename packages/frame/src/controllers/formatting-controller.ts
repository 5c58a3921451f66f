import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartRules, RulesContext } from '../card-rules/part-rules.js';
import { caretAfter, countSignificant } from './caret.js';

export interface FormattingOptions {
  rules: PartRules;
  input: () => HTMLInputElement | null | undefined;
  context: () => RulesContext;
  /** Called with the formatted value after every edit. */
  onValue: (value: string) => void;
  /**
   * Whether a new value from the browser may be taken (see FillGuardController). One refused is
   * put back to the last value taken; one held back until the group answers is put back too,
   * and kept here alone meanwhile: nothing reads a value that was not taken.
   */
  admit?: (input: HTMLInputElement) => boolean | Promise<boolean>;
}

/**
 * Live formatting of one input that keeps the caret where the customer expects it: digits
 * before the caret stay before it whatever separators formatting adds or removes, and
 * deleting next to a separator deletes the digit beyond it instead of getting stuck.
 */
export class FormattingController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
  readonly #options: FormattingOptions;
  /** The last value taken: what the input shows, and what a refused fill is put back to. */
  #taken = '';
  /** Counts edits and values set from code: a held-back fill is dropped if either came since. */
  #changes = 0;

  constructor(
    host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
    options: FormattingOptions,
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.renderRoot.addEventListener('input', this.#onInput);
    this.#host.renderRoot.addEventListener('beforeinput', this.#onBeforeInput as EventListener);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('input', this.#onInput);
    this.#host.renderRoot.removeEventListener('beforeinput', this.#onBeforeInput as EventListener);
  }

  /** The value taken (formatted): the only value of this input anything may read. */
  get value(): string {
    return this.#taken;
  }

  /** Sets the value from code (clear, reformat after a brand change); the caret goes to the end. */
  setValue(raw: string): void {
    const input = this.#options.input();
    if (!input) return;
    this.#changes++;
    this.#apply(input, raw, null);
  }

  /** Formats the taken value again (the rules changed); a focused input keeps its caret. */
  reformat(): void {
    const input = this.#options.input();
    if (!input) return;
    const focused =
      input.getRootNode() instanceof Document
        ? document.activeElement === input
        : (input.getRootNode() as ShadowRoot).activeElement === input;
    this.#apply(input, this.#taken, focused ? input.selectionStart : null);
  }

  #onInput = (event: Event): void => {
    const input = this.#options.input();
    if (!input || event.target !== input) return;
    const verdict = this.#options.admit?.(input) ?? true;
    if (verdict === true) {
      this.#changes++;
      this.#apply(input, input.value, input.selectionStart);
      return;
    }
    // Not taken (yet): out of the input at once, where other code could read it.
    const arrived = input.value;
    input.value = this.#taken;
    this.offer(arrived, verdict);
  };

  /**
   * A value that came without a keystroke, already out of the input, and the fill guard's
   * verdict on it: taken if and when it says yes, and only if nothing changed the input
   * meanwhile (an edit, a clear, another fill).
   */
  offer(value: string, verdict: boolean | Promise<boolean>): void {
    const change = ++this.#changes;
    void Promise.resolve(verdict).then((ok) => {
      const input = this.#options.input();
      if (ok && input && change === this.#changes) this.#apply(input, value, null);
    });
  }

  #onBeforeInput = (event: InputEvent): void => {
    const input = this.#options.input();
    if (!input || event.target !== input) return;
    const start = input.selectionStart;
    if (start === null || start !== input.selectionEnd) return;
    const { significant } = this.#options.rules;
    const value = input.value;
    if (
      event.inputType === 'deleteContentBackward' &&
      start > 0 &&
      !significant.test(value.charAt(start - 1))
    ) {
      let at = start - 1;
      while (at > 0 && !significant.test(value.charAt(at))) at--;
      event.preventDefault();
      this.#apply(input, value.slice(0, at) + value.slice(start), at, true);
    } else if (
      event.inputType === 'deleteContentForward' &&
      start < value.length &&
      !significant.test(value.charAt(start))
    ) {
      let at = start;
      while (at < value.length && !significant.test(value.charAt(at))) at++;
      event.preventDefault();
      this.#apply(input, value.slice(0, start) + value.slice(at + 1), start, true);
    }
  };

  #apply(input: HTMLInputElement, raw: string, caret: number | null, exact = false): void {
    const { rules, context, onValue } = this.#options;
    const formatted = rules.format(raw, context());
    if (input.value !== formatted) input.value = formatted;
    this.#taken = formatted;
    if (caret !== null) {
      const count = countSignificant(raw.slice(0, caret), rules.significant);
      let position = caretAfter(formatted, count, rules.significant);
      // After a deletion the caret stays put rather than jumping over trailing separators.
      if (exact)
        position = Math.min(position, caretAfterExact(formatted, count, rules.significant));
      input.setSelectionRange(position, position);
    }
    onValue(formatted);
  }
}

function caretAfterExact(formatted: string, count: number, significant: RegExp): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (significant.test(formatted.charAt(i)) && ++seen === count) return i + 1;
  }
  return formatted.length;
}
