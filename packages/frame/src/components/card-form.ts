import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  CARD_PARTS,
  NETWORK_NAMES,
  isCardPart,
  type CardBrand,
  type CardNetwork,
  type CardPart,
  type FieldChangeDetail,
} from '@pay/protocol';
import { availableNetworks, type PartValue } from '@pay/protocol/gateway';
import type { RulesContext } from '../card-rules/part-rules.js';
import { PART_SPECS } from '../card-rules/part-specs.js';
import { errorMessage } from '../card-rules/error-messages.js';
import { t } from '../i18n/frame-locale.js';
import { cardValidatorReady } from '../card-rules/card-validator-loader.js';
import { FillGuardController } from '../controllers/fill-guard-controller.js';
import { FormattingController } from '../controllers/formatting-controller.js';
import { LocaleController } from '../controllers/locale-controller.js';
import { ValidationController } from '../controllers/validation-controller.js';
import { brandIcon } from './brand-icon.js';
import { emitFormEvent } from './card-form-events.js';
import type { DrawnInputs } from '../drawn-field.js';
import { groupLabel, partTexts } from '../card-rules/part-texts.js';
import { cardFormStyles } from './card-form.styles.js';

/** How long a blur waits for focus to come back before the host is told (see #onFocusIn). */
const FOCUS_BOUNCE_MS = 50;

interface PartControllers {
  formatting: FormattingController;
  validation: ValidationController;
}

/**
 * @summary The card inputs of one field frame: a single part (number, expiry, CVC or name),
 * or all four for the combined card field. All inputs sit in one `<form>` so that autofill
 * and the iOS keyboard's previous/next arrows see them together.
 *
 * @fires pay-form-change - `detail: FieldChangeDetail`; only when the detail differs from the last one, so the host cannot count keystrokes.
 * @fires pay-form-value - a value changed (no detail: the group channel reads `values()`).
 * @fires pay-form-brand - `detail: CardBrand | null`; the number's brand changed.
 * @fires pay-form-focus - focus entered the inputs.
 * @fires pay-form-blur - focus left the inputs.
 * @fires pay-form-submit - Enter was pressed in an input.
 * (Names and details: `CardFormEventMap` in card-form-events.ts.)
 *
 * @csspart input - each `<input>`
 * @csspart error - each error message (a polite live region, always present)
 * @csspart networks - the network choice of a complete co-badged number (a radio group)
 *
 * @cssprop --pay-color - text color
 * @cssprop --pay-background - input background
 * @cssprop --pay-font-family - font family
 * @cssprop --pay-font-size - font size
 * @cssprop --pay-placeholder-color - placeholder color
 * @cssprop --pay-invalid-color - color of invalid text and error messages
 * @cssprop --pay-focus-color - the focus mark under the focused input
 */
@customElement('pay-card-form')
export class PayCardForm extends LitElement {
  static override styles = cardFormStyles;

  /** The parts to draw, in order. */
  @property({
    converter: (value) => (value ?? '').split(/\s+/).filter(isCardPart),
  })
  accessor parts: CardPart[] = ['number'];

  /**
   * Accessible name of the input when the frame holds one part, of the group of inputs when
   * it holds several (the combined field).
   */
  @property() accessor label = '';

  @property() accessor placeholder = '';

  @property({ type: Boolean }) accessor disabled = false;

  /** The group's `accepted-brands`: a number of another brand is refused. Null: all are. */
  @property({ attribute: false }) accessor acceptedBrands: readonly CardBrand[] | null = null;

  /** The merchant's choice for a co-badged card, until the shopper picks one. */
  @property({ attribute: false }) accessor preferredNetwork: CardNetwork | null = null;

  /** Moves focus to the next input of this form when one becomes complete and valid. */
  @property({ type: Boolean }) accessor autoAdvance = false;

  /** The shopper's pick among a co-badged number's networks; null until they pick. */
  @state() accessor chosenNetwork: CardNetwork | null = null;

  /** The brand that sets the CVC length: detected here, or sent by the group's number frame. */
  @state() accessor brand: CardBrand | null = null;

  /**
   * Whether a frame of this form's group has the customer's focus (the field frame asks its
   * group); a form on its own answers no, so it takes autofill only while it has focus itself.
   */
  @property({ attribute: false }) accessor askGroup: () => Promise<boolean> = () =>
    Promise.resolve(false);

  /** Takes values that arrive without a keystroke only from the group the customer is in. */
  readonly fillGuard = new FillGuardController(this, () => this.askGroup());

  readonly #context = (): RulesContext => ({
    brand: this.brand,
    now: new Date(),
    acceptedBrands: this.acceptedBrands,
  });
  readonly #controllers = Object.fromEntries(
    CARD_PARTS.map((part) => [part, this.#createControllers(part)]),
  ) as Record<CardPart, PartControllers>;
  #lastDetail = '';

  constructor() {
    super();
    // Labels, placeholders and errors follow the frame's language; a shown error's message
    // goes to the host again, in the new language.
    new LocaleController(this, () => this.#emitChange());
    // What was typed while the card rules loaded is formatted and assessed now.
    void cardValidatorReady.then(() => this.#rulesLoaded());
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('acceptedBrands') && this.parts.includes('number')) {
      this.#controllers.number.validation.reassess();
      this.#emitChangeSoon();
    }
    // A preference set from the page (its own choice UI) replaces the shopper's pick.
    if (changed.has('preferredNetwork') && changed.get('preferredNetwork') !== undefined) {
      this.chosenNetwork = null;
      this.#emitChangeSoon();
    }
  }

  /**
   * Takes over what the shopper did in the served field before the app ran (its nodes are these
   * inputs, hydrated): what was typed is formatted and assessed as if typed here; a value that
   * came without a keystroke goes to the fill guard, as if it arrived now.
   */
  takeOver({ typed, held }: DrawnInputs): void {
    for (const part of this.parts) {
      const { formatting } = this.#controllers[part];
      const value = typed.get(part);
      if (value) formatting.setValue(value);
      const fill = held.get(part);
      if (fill) formatting.offer(fill, this.fillGuard.admitFill());
    }
  }

  /** Tells the state again, changed or not (a document restored from the back-forward cache). */
  retell(): void {
    this.#lastDetail = '';
    this.#emitChange();
  }

  /** After the update in progress: the change reads the state it sets. */
  #emitChangeSoon(): void {
    void this.updateComplete.then(() => this.#emitChange());
  }

  #rulesLoaded(): void {
    for (const part of this.parts) {
      const { formatting, validation } = this.#controllers[part];
      if (formatting.value) formatting.reformat();
      else validation.reassess();
    }
    this.#emitChange();
  }

  #createControllers(part: CardPart): PartControllers {
    const { rules } = PART_SPECS[part];
    const validation = new ValidationController(this, rules, this.#context);
    const formatting = new FormattingController(this, {
      rules,
      input: () => this.inputOf(part),
      context: this.#context,
      onValue: (value) => this.#onValue(part, value),
      admit: (input) => this.fillGuard.admit(input),
    });
    return { formatting, validation };
  }

  inputOf(part: CardPart): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>(`#${part}`) ?? null;
  }

  override focus(options?: FocusOptions & { part?: CardPart }): void {
    const part = options?.part && this.parts.includes(options.part) ? options.part : this.parts[0];
    if (part) this.inputOf(part)?.focus(options);
  }

  override blur(): void {
    for (const part of this.parts) this.inputOf(part)?.blur();
  }

  clear(): void {
    for (const part of this.parts) {
      this.#controllers[part].validation.reset();
      this.#controllers[part].formatting.setValue('');
    }
    this.#emitChange();
  }

  /** Shows every error, as on submit. */
  reveal(): void {
    for (const part of this.parts) this.#controllers[part].validation.reveal();
    this.#emitChange();
  }

  /** The brand from the group's number frame, for a frame without a number part. */
  setBrand(brand: CardBrand | null): void {
    if (this.parts.includes('number') || brand === this.brand) return;
    this.brand = brand;
    this.#reassessCvc();
  }

  /** The values the group's tokenizing frame gathers; they never leave the gateway origin. */
  values(): PartValue[] {
    return this.parts.map((part) => {
      const { value, error } = this.#controllers[part].validation;
      return {
        part,
        value: PART_SPECS[part].canonical(value),
        ...(error ? { error } : {}),
      };
    });
  }

  /**
   * The networks a complete co-badged number offers: decided here from its first 8 digits,
   * and only once the number is complete, so the page learns no more than it does from the
   * brand (and the frame's height does not change while digits are typed).
   */
  offeredNetworks(): CardNetwork[] {
    if (!this.parts.includes('number')) return [];
    const { assessment, value } = this.#controllers.number.validation;
    if (!assessment.complete) return [];
    const networks = availableNetworks(PART_SPECS.number.canonical(value), this.brand);
    return networks.length > 1 ? networks : [];
  }

  /** The network the token asks for: the shopper's pick, else the merchant's preference. */
  network(): CardNetwork | null {
    const offered = this.offeredNetworks();
    for (const candidate of [this.chosenNetwork, this.preferredNetwork])
      if (candidate && offered.includes(candidate)) return candidate;
    return null;
  }

  #choose(network: CardNetwork): void {
    this.chosenNetwork = network;
    this.#emitChangeSoon();
  }

  #onValue(part: CardPart, value: string): void {
    const { validation } = this.#controllers[part];
    const wasDone = this.#isDone(part);
    const offeredBefore = part === 'number' ? this.offeredNetworks().join() : '';
    validation.setValue(value);
    // Another card: the pick made for the previous one no longer applies.
    if (part === 'number' && this.offeredNetworks().join() !== offeredBefore)
      this.chosenNetwork = null;
    if (part === 'number') {
      const brand = validation.assessment.brand ?? null;
      if (brand !== this.brand) {
        this.brand = brand;
        emitFormEvent(this, 'pay-form-brand', brand);
        this.#reassessCvc();
      }
    }
    // First to the group's tokenizing frame (in the gateway origin), then the state to the host.
    emitFormEvent(this, 'pay-form-value');
    this.#emitChange();
    if (!wasDone && this.#isDone(part)) this.#advanceFrom(part);
  }

  #isDone(part: CardPart): boolean {
    const { assessment, error } = this.#controllers[part].validation;
    return assessment.complete && !error;
  }

  /**
   * `auto-advance` within a combined field: the next input once this one is complete and
   * valid, never away from a network choice still to make. (Across frames the group does it.)
   */
  #advanceFrom(part: CardPart): void {
    if (!this.autoAdvance || this.parts.length < 2) return;
    if (part === 'number' && this.offeredNetworks().length) return;
    const input = this.inputOf(part);
    if (!input || !input.matches(':focus')) return;
    const next = this.parts[this.parts.indexOf(part) + 1];
    if (next) this.inputOf(next)?.focus();
  }

  #reassessCvc(): void {
    if (!this.parts.includes('cvc')) return;
    const { formatting, validation } = this.#controllers.cvc;
    validation.reassess();
    // A shorter CVC for the new brand: cut what no longer fits (of the value taken: never of
    // what the input may hold for a moment, a fill the guard has not admitted).
    if (formatting.value) formatting.setValue(formatting.value);
  }

  /** The state the host may know: never the value, never its length. */
  detail(): FieldChangeDetail {
    const assessments = this.parts.map((part) => this.#controllers[part].validation);
    const shown = assessments.map((v) => v.shownError).find((code) => code !== undefined);
    const detail: FieldChangeDetail = {
      empty: assessments.every((v) => v.assessment.empty),
      complete: assessments.every((v) => v.assessment.complete),
      valid: assessments.every(
        (v) => v.assessment.complete || !v.error || v.error.startsWith('incomplete_'),
      ),
    };
    if (this.parts.includes('number') && this.brand) detail.brand = this.brand;
    const networks = this.offeredNetworks();
    if (networks.length) {
      detail.networks = networks;
      const network = this.network();
      if (network) detail.preferredNetwork = network;
    }
    if (shown) detail.error = { code: shown, message: errorMessage(shown) };
    return detail;
  }

  #emitChange(): void {
    const detail = this.detail();
    const key = JSON.stringify(detail);
    if (key === this.#lastDetail) return;
    this.#lastDetail = key;
    emitFormEvent(this, 'pay-form-change', detail);
  }

  #onBlur(part: CardPart): void {
    this.#controllers[part].validation.blurred();
    this.#emitChange();
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      emitFormEvent(this, 'pay-form-submit');
    }
  };

  /** A blur not yet told to the host: focus that comes straight back cancels it. */
  #pendingBlur: ReturnType<typeof setTimeout> | undefined;

  #onFocusIn = (event: FocusEvent): void => {
    if (this.#isOwnInput(event.relatedTarget)) return;
    if (this.#pendingBlur !== undefined) {
      // Focus bounced out of the frame and back (label clicks and the host's focus() move it
      // across processes): the host saw no blur, so it needs no second focus either.
      clearTimeout(this.#pendingBlur);
      this.#pendingBlur = undefined;
      return;
    }
    emitFormEvent(this, 'pay-form-focus');
  };

  #onFocusOut = (event: FocusEvent): void => {
    if (this.#isOwnInput(event.relatedTarget)) return;
    clearTimeout(this.#pendingBlur);
    this.#pendingBlur = setTimeout(() => {
      this.#pendingBlur = undefined;
      emitFormEvent(this, 'pay-form-blur');
    }, FOCUS_BOUNCE_MS);
  };

  #renderNetworks() {
    const networks = this.offeredNetworks();
    if (!networks.length) return nothing;
    const chosen = this.network();
    // Native radios: Tab reaches the group, arrow keys choose, screen readers hear the legend
    // and each network's name. None is checked unless the shopper or the merchant chose.
    return html`<fieldset class="networks" part="networks">
      <legend>${t('choose_network')}</legend>
      ${networks.map(
        (network) =>
          html`<label
            ><input
              type="radio"
              name="network"
              value=${network}
              .checked=${network === chosen}
              ?disabled=${this.disabled}
              @change=${() => this.#choose(network)}
            />${NETWORK_NAMES[network]}</label
          >`,
      )}
    </fieldset>`;
  }

  #pageTexts() {
    return { label: this.label, placeholder: this.placeholder };
  }

  #isOwnInput(target: EventTarget | null): boolean {
    return target instanceof HTMLInputElement && this.renderRoot.contains(target);
  }

  protected override render() {
    const combined = this.parts.length > 1;
    return html`<form
      novalidate
      class=${combined ? 'combined' : 'single'}
      @submit=${(event: Event) => event.preventDefault()}
      @keydown=${this.#onKeydown}
      @focusin=${this.#onFocusIn}
      @focusout=${this.#onFocusOut}
    >
      <div
        class="parts"
        role=${combined ? 'group' : nothing}
        aria-label=${combined ? groupLabel(this.#pageTexts(), t) : nothing}
      >
        ${this.parts.map((part) => this.#renderPart(part, combined))}
      </div>
    </form>`;
  }

  #renderPart(part: CardPart, combined: boolean) {
    const { validation } = this.#controllers[part];
    const shown = validation.shownError;
    // No whitespace around the message: the region must be truly empty when there is none.
    const message = shown ? errorMessage(shown) : '';
    const attributes = PART_SPECS[part].input;
    const { label, placeholder } = partTexts(part, combined, this.#pageTexts(), t);
    // Digits read left to right in every language (and the caret moves as in an LTR field);
    // a name follows its own script.
    const dir = part === 'name' ? 'auto' : 'ltr';
    return html`<div class="part part-${part}">
      <input
        id=${part}
        part="input"
        type="text"
        dir=${dir}
        name=${attributes.name}
        autocomplete=${attributes.autocomplete}
        inputmode=${attributes.inputmode}
        spellcheck="false"
        autocapitalize=${attributes.autocapitalize}
        maxlength=${attributes.maxlength ?? nothing}
        aria-label=${label}
        aria-invalid=${shown ? 'true' : 'false'}
        aria-describedby="${part}-error"
        placeholder=${placeholder}
        ?disabled=${this.disabled}
        @blur=${() => this.#onBlur(part)}
      />
      ${part === 'number' ? brandIcon(this.brand, shown === 'unsupported_brand') : nothing}
      <div id="${part}-error" class="error" part="error" aria-live="polite">${message}</div>
      ${part === 'number' ? this.#renderNetworks() : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-card-form': PayCardForm;
  }
}
