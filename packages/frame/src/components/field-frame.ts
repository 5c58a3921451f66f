import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  CARD_PARTS,
  isCardPart,
  type CardPart,
  type FrameConfig,
  type FrameMethods,
  type FrameParams,
} from '@pay/protocol';
import { HostLinkController } from '../controllers/host-link-controller.js';
import type { HostLink } from '../host-link.js';
import { applyStyles, loadFonts, parseFrameConfig } from '../frame-config.js';
import { PART_SPECS } from '../card-rules/part-specs.js';
import { onLocaleChange, setDirection, setLocale, setOverrides, t } from '../i18n/frame-locale.js';
import { GroupChannel } from '../group/group-channel.js';
import { tokenizeGroup } from '../tokenize-group.js';
import './card-form.js';
import type { PayCardForm } from './card-form.js';
import { listenToForm } from './card-form-events.js';

/**
 * @summary The app of one field frame: draws the field, keeps the bridge to the host page and
 * the channel to the group's other frames. Rendered in the light DOM of the frame document.
 */
@customElement('pay-field-frame')
export class PayFieldFrame extends LitElement {
  /** The start parameters from the frame URL; set before the element is connected. */
  @property({ attribute: false }) accessor params!: FrameParams;

  /** The link to the host page the entry script opened; set before the element is connected. */
  link!: HostLink;

  @state() accessor config: FrameConfig = { label: '' };

  readonly #bridge: HostLinkController;
  #group: GroupChannel | undefined;
  readonly #resizeObserver = new ResizeObserver(() => this.#reportHeight());
  #lastHeight = -1;
  #unsubscribeLocale: (() => void) | undefined;
  #lastTitle = '';

  constructor() {
    super();
    const methods: FrameMethods = {
      configure: async (input: unknown) => {
        const config = parseFrameConfig(input);
        if (!config) throw new Error('configure: malformed config');
        const previousKey = this.config.publishableKey;
        applyStyles(config.styles ?? {});
        loadFonts(config.fonts ?? []);
        setOverrides(config.messages ?? {});
        if (config.dir) setDirection(config.dir);
        this.config = config;
        if (previousKey && config.publishableKey !== previousKey) {
          // Values taken under one merchant's key never go out under another's: a script
          // could re-key a group that took the customer's card. (Cleared after the new key is
          // set, so the emptied values reach only frames holding the new key.)
          this.form?.clear();
          this.#group?.forget();
        }
        if (config.publishableKey !== previousKey) this.#group?.keyChanged();
        // Last: the rest of the config applies at once, the strings when they have loaded.
        if (config.locale) await setLocale(config.locale);
      },
      focus: async (part?: unknown) => {
        const target = isCardPart(part) ? part : undefined;
        (await this.#drawnForm())?.focus(target ? { part: target } : undefined);
      },
      blur: async () => (await this.#drawnForm())?.blur(),
      clear: async () => (await this.#drawnForm())?.clear(),
      tokenize: (request: unknown) =>
        tokenizeGroup(request, this.#group!, this.config.publishableKey, {
          brand: this.form?.brand ?? null,
          acceptedBrands: this.config.acceptedBrands ?? null,
          network: this.form?.network() ?? null,
        }),
    };
    this.#bridge = new HostLinkController(this, () => this.link, methods);
  }

  get form(): PayCardForm | null {
    return this.querySelector('pay-card-form');
  }

  /**
   * The form once it has drawn its inputs and taken over the entry's: a call the host made
   * before the app loaded (a focus() at pay-ready) acts on them, after the takeover.
   */
  async #drawnForm(): Promise<PayCardForm | null> {
    await this.updateComplete;
    const form = this.form;
    await form?.updateComplete;
    return form;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    const { kind } = this.params;
    this.#group ??= new GroupChannel(this.params.group, {
      parts: kind === 'card' ? [...CARD_PARTS] : [kind],
      leads: kind === 'number' || kind === 'card',
      values: () => this.form?.values() ?? [],
      reveal: () => this.form?.reveal(),
      setBrand: (brand) => this.form?.setBrand(brand),
      ownBrand: () => (this.params.kind === 'number' ? (this.form?.brand ?? null) : undefined),
      key: () => this.config.publishableKey ?? '',
      hasCustomer: () => this.form?.fillGuard.focused ?? false,
    });
    // Joins the group once the inputs exist (their values are what siblings get pushed). A
    // fresh number frame (first load or a reload) tells its brand, none, as it joins: the CVC
    // frame's length must not follow the brand of a number that is gone.
    if (this.hasUpdated) this.#group.start();
    super.connectedCallback();
    this.#resizeObserver.observe(this);
    this.#unsubscribeLocale = onLocaleChange(() => this.#tellTitle());
    this.#tellTitle();
    // Focus given to the frame window (a label click, the host's focus()) goes to the input.
    window.addEventListener('focus', this.#onWindowFocus);
  }

  protected override firstUpdated(): void {
    // Before the form's own first update: it tells nothing until then.
    listenToForm(this.form!, {
      'pay-form-value': () => this.#group?.valuesChanged(),
      'pay-form-change': (detail) => this.#bridge.notify('change', detail),
      'pay-form-brand': (brand) => this.#group?.shareBrand(brand),
      'pay-form-focus': () => this.#bridge.notify('focused'),
      'pay-form-blur': () => this.#bridge.notify('blurred'),
      'pay-form-submit': () => this.#bridge.notify('submit'),
    });
    this.#group?.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#group?.stop();
    this.#resizeObserver.disconnect();
    this.#unsubscribeLocale?.();
    window.removeEventListener('focus', this.#onWindowFocus);
  }

  /** Autofill reached this frame from elsewhere: is it this group's customer filling? */
  #askGroup = (): Promise<boolean> => {
    return this.#group?.customerInGroup() ?? Promise.resolve(false);
  };

  #onWindowFocus = (): void => {
    if (!this.form?.matches(':focus-within')) this.form?.focus();
  };

  /** The host titles the iframe with the field's name in the frame's language. */
  #tellTitle(): void {
    const { kind } = this.params;
    const title = t(kind === 'card' ? 'card_label' : PART_SPECS[kind].label);
    if (title === this.#lastTitle) return;
    this.#lastTitle = title;
    this.#bridge.notify('title', title);
  }

  #reportHeight(): void {
    const height = Math.ceil(this.getBoundingClientRect().height);
    if (height === this.#lastHeight) return;
    this.#lastHeight = height;
    this.#bridge.notify('resize', height);
  }

  protected override render() {
    const parts: CardPart[] = this.params.kind === 'card' ? [...CARD_PARTS] : [this.params.kind];
    return html`<pay-card-form
      .parts=${parts}
      .label=${this.config.label}
      .placeholder=${this.config.placeholder ?? ''}
      ?disabled=${this.config.disabled}
      .acceptedBrands=${this.config.acceptedBrands ?? null}
      .preferredNetwork=${this.config.preferredNetwork ?? null}
      ?autoAdvance=${this.config.autoAdvance}
      .askGroup=${this.#askGroup}
    ></pay-card-form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-field-frame': PayFieldFrame;
  }
}
