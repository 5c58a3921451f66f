import {
  isCardNetwork,
  isExactOrigin,
  isPublishableKey,
  leaderOf,
  partsOf,
  randomId,
  resolveLocale,
  type CardBrand,
  type CardNetwork,
  type CardPart,
  type FontSource,
  type Locale,
  type Messages,
  type PayErrorCode,
  type TokenResult,
} from '@pay/protocol';
import { readAcceptedBrands } from './accepted-brands.js';
import { reflect, upgradeProperties } from './element-properties.js';
import type { PayFieldElement } from './field-element.js';
import type { FieldGroup } from './field-group.js';
import { PayError } from './pay-error.js';
import { emitGroupEvent } from './pay-event.js';

/**
 * The default gateway: the origin of the gateway's own SDK (served under `/sdk/`). A copy
 * bundled into the merchant's app comes from the merchant's origin, which serves no frames:
 * then there is no default and the group asks for `gateway`.
 */
function sdkOrigin(): string {
  try {
    const url = new URL(import.meta.url);
    return url.pathname.startsWith('/sdk/') ? url.origin : '';
  } catch {
    return ''; // a bundler that leaves no URL here
  }
}

export interface TokenizeOptions {
  /** Used instead of a `<pay-cardholder-name>` field. */
  cardholderName?: string;
}

/**
 * A group of card fields: holds the publishable key and the gateway origin, tokenizes the
 * card its fields hold, and takes part in its `<form>`: on submit it tokenizes, puts the
 * token into the form data under `name` and lets the submit go on; an invalid card blocks
 * the submit and focuses the first bad field.
 *
 * Every attribute is also a property (`publishableKey`, `gateway`, `name`, `disabled`,
 * `locale`), settable before and after the SDK defines the element.
 *
 * @attr publishable-key - the merchant's publishable key (`pk_test_...` / `pk_live_...`);
 *   `publishablekey` (what React writes before the SDK loads) is read too
 * @attr gateway - the gateway URL; default: the origin pay.js was loaded from when it is the
 *   gateway's own `/sdk/` script. A bundled copy of the SDK must set it.
 * @attr name - the form field the token goes into; default `card_token`
 * @attr disabled - disables the inputs in the frames, as a disabled `<fieldset>` or form does
 * @attr locale - the frames' language: a BCP 47 tag (`fr`, `fr-CA`: its language is used, else
 *   English) or `auto` (the default: the page's `<html lang>`, then the browser's language)
 * @attr accepted-brands - the brands the merchant accepts, space- or comma-separated
 *   (`visa mastercard amex`); a number of another brand is refused as soon as it is typed
 *   (`unsupported_brand`). Absent: every brand. Unknown names are ignored with a console warning.
 * @attr preferred-network - the network chosen for a co-badged card until the shopper picks
 *   one (`cartes_bancaires`, `visa`, ...); absent: nothing is chosen for the shopper
 * @attr auto-advance - moves focus to the next field once a field is complete and valid
 *   (off by default: focus that moves unasked fails WCAG 3.2.2 for some shoppers)
 * @attr theme - the look the frames draw: `default` (a bordered white box), `flat` (a filled
 *   box with a rule below), `night` (for dark pages) or `none` (no box: the page draws it on
 *   `::part(frame)`); the `--pay-*` properties override any of them
 * @fires pay-ready - `detail: { fields }`: every field of the group is ready (their kinds, in
 *   order); once per set of fields. The fields' own `pay-ready` does not bubble.
 * @fires pay-error - `detail: { code, message }`: a setup problem (missing key or gateway, wrong
 *   key) or a failed submit
 * @slot - the `<pay-card-*>` fields and any other content
 */
export class PayCardFieldsElement extends HTMLElement implements FieldGroup<PayFieldElement> {
  static formAssociated = true;
  static observedAttributes = [
    'publishable-key',
    'publishablekey',
    'locale',
    'accepted-brands',
    'preferred-network',
    'auto-advance',
    'theme',
  ];

  /** Separates this group's frames from another group's on the same page. */
  readonly groupId = randomId();
  readonly #internals: ElementInternals;
  readonly #fields = new Set<PayFieldElement>();
  #fonts: FontSource[] = [];
  #messages: Messages = {};
  #form: HTMLFormElement | null = null;
  #token: string | null = null;
  #submitting = false;
  #readyFor: Set<PayFieldElement> | null = null;
  #disabled = false;
  /** The last call the page made on the group or a field: the next one runs after it. */
  #calls: Promise<unknown> = Promise.resolve();

  constructor() {
    super();
    this.#internals = this.attachInternals();
    upgradeProperties(this, [
      'publishableKey',
      'gateway',
      'name',
      'disabled',
      'fonts',
      'locale',
      'messages',
      'acceptedBrands',
      'preferredNetwork',
      'autoAdvance',
      'theme',
    ]);
  }

  /** The gateway's origin; empty when none is set and the SDK cannot tell. */
  get gatewayOrigin(): string {
    const attribute = this.gateway;
    try {
      return attribute ? new URL(attribute, location.href).origin : sdkOrigin();
    } catch {
      return sdkOrigin();
    }
  }

  get gateway(): string | null {
    return this.getAttribute('gateway');
  }

  set gateway(value: string | null) {
    reflect(this, 'gateway', value);
  }

  get publishableKey(): string | null {
    const key = this.getAttribute('publishable-key') ?? this.getAttribute('publishablekey');
    return key?.trim() || null;
  }

  set publishableKey(value: string | null) {
    // One attribute holds the key: a stale lowercase alias must not outlive a new key.
    this.removeAttribute('publishablekey');
    reflect(this, 'publishable-key', value);
  }

  get name(): string {
    return this.getAttribute('name') || 'card_token';
  }

  set name(value: string | null) {
    reflect(this, 'name', value);
  }

  /** Web fonts for the frames, given once per group: `[{ family, src: 'https://...' }]`. */
  get fonts(): FontSource[] {
    return this.#fonts;
  }

  set fonts(fonts: FontSource[]) {
    // Here only strings are kept, so that the config can be posted; the frame checks the
    // names, weights and styles and takes https sources only.
    this.#fonts = (Array.isArray(fonts) ? fonts : [])
      .filter((font) => typeof font?.family === 'string' && typeof font.src === 'string')
      .map(({ family, src, weight, style }) => ({
        family,
        src,
        ...(typeof weight === 'string' ? { weight } : {}),
        ...(typeof style === 'string' ? { style } : {}),
      }));
    this.#reconfigure();
  }

  /** The `locale` attribute as written; `auto` when there is none. */
  get locale(): string {
    return this.getAttribute('locale') || 'auto';
  }

  set locale(value: string | null) {
    reflect(this, 'locale', value);
  }

  /** The language the frames speak: `locale` (or, for `auto`, the page's) resolved to a shipped one. */
  get resolvedLocale(): Locale {
    const tag = this.locale;
    return resolveLocale(
      tag.toLowerCase() === 'auto' ? document.documentElement.lang || navigator.language : tag,
    );
  }

  /**
   * The merchant's own strings, by catalog key: error codes (`incomplete_number`) and
   * `<part>_label` / `<part>_placeholder`. Checked and used in the frame.
   */
  get messages(): Messages {
    return this.#messages;
  }

  set messages(messages: Messages) {
    // Strings only, so that the config can be posted; the frame keeps the known keys.
    this.#messages = Object.fromEntries(
      Object.entries(typeof messages === 'object' && messages ? messages : {}).filter(
        ([, value]) => typeof value === 'string',
      ),
    );
    this.#reconfigure();
  }

  /**
   * The accepted brands, or null when every brand is. Set a list (`['visa', 'amex']`) or a
   * string as the attribute takes it; either sets the attribute.
   */
  get acceptedBrands(): CardBrand[] | null {
    return readAcceptedBrands(this.getAttribute('accepted-brands'));
  }

  set acceptedBrands(value: readonly string[] | string | null | undefined) {
    reflect(this, 'accepted-brands', Array.isArray(value) ? value.join(' ') : value);
  }

  /** `preferred-network`: settable at any time, e.g. from the page's own network choice. */
  get preferredNetwork(): CardNetwork | null {
    const value = this.getAttribute('preferred-network')?.trim();
    return isCardNetwork(value) ? value : null;
  }

  set preferredNetwork(value: string | null | undefined) {
    reflect(this, 'preferred-network', value);
  }

  get autoAdvance(): boolean {
    return this.hasAttribute('auto-advance');
  }

  set autoAdvance(value: boolean) {
    this.toggleAttribute('auto-advance', Boolean(value));
  }

  /** `theme` as written (the frame keeps only the themes it has). */
  get theme(): string | null {
    return this.getAttribute('theme');
  }

  set theme(value: string | null) {
    reflect(this, 'theme', value);
  }

  /** The fields in the group's order: the order of the page. */
  get fields(): PayFieldElement[] {
    return [...this.#fields].sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
  }

  connectedCallback(): void {
    const problem = this.#setupProblem();
    if (problem) setTimeout(() => this.#report(problem.code, problem.message));
  }

  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.#form?.removeEventListener('submit', this.#onFormSubmit, true);
    this.#form = form;
    form?.addEventListener('submit', this.#onFormSubmit, true);
  }

  /**
   * Whether the inputs in the frames are disabled: by the `disabled` attribute (which setting
   * this property sets) or by a disabled `<fieldset>` or form.
   */
  get disabled(): boolean {
    return this.#disabled || this.hasAttribute('disabled');
  }

  set disabled(value: boolean) {
    // The attribute reaches formDisabledCallback, as a disabled <fieldset> does.
    this.toggleAttribute('disabled', Boolean(value));
  }

  formDisabledCallback(disabled: boolean): void {
    this.#disabled = disabled;
    this.#reconfigure();
  }

  attributeChangedCallback(): void {
    this.#reconfigure();
  }

  #reconfigure(): void {
    for (const field of this.#fields) void field.configure().catch(() => {});
  }

  formResetCallback(): void {
    this.#setToken(null);
    for (const field of this.#fields) field.clear();
  }

  register(field: PayFieldElement): void {
    this.#fields.add(field);
    void this.#announceReady();
  }

  sequence<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#calls.then(task);
    this.#calls = result.catch(() => {});
    return result;
  }

  fieldReady(): void {
    void this.#announceReady();
  }

  unregister(field: PayFieldElement): void {
    this.#fields.delete(field);
  }

  /** A field changed: a token made before no longer matches what the customer sees. */
  fieldChanged(): void {
    this.#setToken(null);
  }

  /**
   * The focused `field` just became complete and valid: with `auto-advance`, focus moves to
   * the next field, as a failed submit moves it to the first bad one.
   */
  fieldDone(field: PayFieldElement): void {
    if (!this.autoAdvance || field.kind === 'card') return;
    // A co-badged number waits for the shopper's network choice, in the number field.
    if (field.state.networks?.length) return;
    const fields = this.fields;
    fields[fields.indexOf(field) + 1]?.focus();
  }

  requestSubmit(): void {
    this.#form?.requestSubmit();
  }

  /**
   * Tokenizes the card in this group's frames. Rejects with a {@link PayError}. Runs once every
   * call made before it on the group and its fields has taken effect (a `clear()` just before
   * is never missed), and waits while frames load.
   */
  async tokenize(options: TokenizeOptions = {}): Promise<TokenResult> {
    const problem = this.#setupProblem();
    if (problem) throw this.#report(problem.code, problem.message);
    const fields = this.fields;
    const leader = leaderOf(fields);
    if (!leader) {
      throw this.#report('missing_field', 'Add a <pay-card-number> or <pay-card> to the group.');
    }
    const parts: CardPart[] =
      leader.kind === 'card' ? partsOf('card') : fields.flatMap((f) => partsOf(f.kind));
    const outcome = await this.sequence(async () => {
      try {
        // The leader gathers values from its siblings: every frame of the group must be up.
        await Promise.all(fields.map((field) => field.ready));
        // Each sibling's values from the version its last answer gave: all calls made before
        // have taken effect in it.
        const after: Partial<Record<CardPart, number>> = {};
        for (const field of fields)
          if (field !== leader) for (const part of partsOf(field.kind)) after[part] = field.seq;
        return await leader.tokenizeHere({
          parts,
          after,
          ...(options.cardholderName ? { cardholderName: options.cardholderName } : {}),
        });
      } catch {
        throw new PayError(
          'frame_not_ready',
          'A card field frame did not load; check the gateway and try again.',
        );
      }
    });
    if (outcome.ok) {
      this.#setToken(outcome.result.token);
      return outcome.result;
    }
    const { code, message } = outcome.error;
    if (outcome.part) this.#focusPart(outcome.part);
    if (code === 'unauthorized') {
      console.error(
        `pay: the gateway did not accept publishable-key "${this.publishableKey}": use your account's publishable key (pk_...).`,
      );
    }
    throw new PayError(code, message);
  }

  override focus(options?: FocusOptions): void {
    this.fields[0]?.focus(options);
  }

  #focusPart(part: CardPart): void {
    const field =
      this.fields.find((f) => f.kind === part) ?? this.fields.find((f) => f.kind === 'card');
    field?.focus({ part });
  }

  /**
   * Focuses the first field not yet complete while the submit's user activation lasts: WebKit
   * lets focus into a cross-origin frame's input only then, not once tokenize() has answered.
   * tokenize() checks the same fields in the same order and focuses the exact part after.
   */
  #focusFirstIncomplete(): void {
    this.fields.find((field) => !field.state.complete)?.focus();
  }

  #setToken(token: string | null): void {
    if (token === this.#token) return;
    this.#token = token;
    if (token) {
      const data = new FormData();
      data.append(this.name, token);
      this.#internals.setFormValue(data);
    } else {
      this.#internals.setFormValue(null);
    }
  }

  #onFormSubmit = (event: SubmitEvent): void => {
    if (this.#token) {
      // A token is single-use: the next submit (if the page stays) tokenizes again.
      setTimeout(() => this.#setToken(null));
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (this.#submitting) return;
    this.#submitting = true;
    const form = event.currentTarget as HTMLFormElement;
    const submitter =
      event.submitter instanceof HTMLElement && event.submitter.closest('form') === form
        ? event.submitter
        : null;
    this.#focusFirstIncomplete();
    this.tokenize().then(
      () => {
        this.#submitting = false;
        form.requestSubmit(submitter);
      },
      (error: PayError) => {
        this.#submitting = false;
        emitGroupEvent(this, 'pay-error', { code: error.code, message: error.message });
      },
    );
  };

  #setupProblem(): { code: PayErrorCode; message: string } | null {
    if (!isExactOrigin(this.gatewayOrigin)) {
      return {
        code: 'missing_gateway',
        message:
          'pay: <pay-card-fields> needs gateway="https://your-gateway": pay.js was not loaded from the gateway, so the card frames have no origin to come from.',
      };
    }
    const key = this.publishableKey;
    if (!key) {
      return {
        code: 'missing_publishable_key',
        message:
          'pay: <pay-card-fields> needs publishable-key="pk_test_...": your publishable key.',
      };
    }
    if (key.startsWith('sk_')) {
      return {
        code: 'invalid_publishable_key',
        message:
          'pay: publishable-key holds a secret key (sk_...): never put it in a page; roll it, use the pk_ key.',
      };
    }
    if (!isPublishableKey(key)) {
      return {
        code: 'invalid_publishable_key',
        message: 'pay: publishable-key must look like pk_test_... or pk_live_...',
      };
    }
    return null;
  }

  #report(code: PayErrorCode, message: string): PayError {
    console.error(message);
    emitGroupEvent(this, 'pay-error', { code, message });
    return new PayError(code, message);
  }

  async #announceReady(): Promise<void> {
    const fields = new Set(this.#fields);
    const ready = await Promise.all([...fields].map((f) => f.ready)).then(
      () => true,
      () => false,
    );
    if (!ready) return;
    // Still the group's fields, and not the set already announced (by members, not by count:
    // a field swapped for another is a new set).
    if (!sameSet(fields, this.#fields) || (this.#readyFor && sameSet(fields, this.#readyFor)))
      return;
    this.#readyFor = fields;
    emitGroupEvent(this, 'pay-ready', { fields: [...fields].map((f) => f.kind) });
  }
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
