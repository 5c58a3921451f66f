/**
 * The app of one field frame, once its chunk has loaded: it takes over the drawn field (the
 * `<pay-card-form>` the document was served with, hydrated by Lit: the same nodes, nothing
 * redrawn), answers the host's calls through the link the entry opened, and runs the group
 * channel to the other frames of the group.
 */
import {
  LEADING_KINDS,
  isCardPart,
  type CallAnswer,
  type CardPart,
  type FieldKind,
  type FrameConfig,
  type FrameMethods,
} from '@pay/protocol';
import './components/card-form.js';
import type { PayCardForm } from './components/card-form.js';
import { listenToForm } from './components/card-form-events.js';
import type { DrawnField } from './drawn-field.js';
import { applyStyles, loadFonts, parseFrameConfig } from './frame-config.js';
import { GroupChannel } from './group/group-channel.js';
import type { HostLink } from './host-link.js';
import { frameTitle } from './card-rules/part-texts.js';
import { onLocaleChange, setDirection, setLocale, setOverrides, t } from './i18n/frame-locale.js';
import { tokenizeGroup } from './tokenize-group.js';

export interface AppStart {
  link: HostLink;
  field: DrawnField;
  /** The configuration the entry shows now (the fragment's, or a later `configure`). */
  config(): FrameConfig;
  /** The group id of the URL fragment. */
  group: string;
}

export class FrameApp {
  readonly #link: HostLink;
  readonly #field: DrawnField;
  readonly #form: PayCardForm;
  readonly #parts: CardPart[];
  readonly #group: GroupChannel;
  #config: FrameConfig;
  #lastHeight = -1;
  #lastTitle = '';

  constructor({ link, field, config, group }: AppStart) {
    this.#link = link;
    this.#field = field;
    this.#form = field.form as PayCardForm;
    this.#parts = field.parts;
    this.#config = config();
    const kind: FieldKind = this.#parts.length > 1 ? 'card' : this.#parts[0]!;
    this.#group = new GroupChannel(group, {
      parts: this.#parts,
      leads: LEADING_KINDS.includes(kind),
      values: () => this.#form.values(),
      reveal: () => this.#form.reveal(),
      setBrand: (brand) => this.#form.setBrand(brand),
      ownBrand: () => (kind === 'number' ? this.#form.brand : undefined),
      key: () => this.#config.publishableKey ?? '',
      hasCustomer: () => this.#form.fillGuard.customerHere(),
    });
  }

  /**
   * Hydrates the drawn field with the configuration it shows, takes over what the shopper did
   * in it, joins the group, and answers the host from now on.
   */
  async start(): Promise<void> {
    const form = this.#form;
    // Lit hydrates the served nodes as showing the values it is given: first the configuration
    // the entry drew; a later one it could not draw (another language, asked for before the
    // app ran) follows once hydrated, as any change does.
    const latest = this.#config;
    const drawn = this.#field.shown ?? latest;
    await this.#apply(drawn);
    listenToForm(form, {
      'pay-form-value': () => this.#group.valuesChanged(),
      'pay-form-change': (detail) => this.#link.notify('change', detail),
      'pay-form-brand': (brand) => this.#group.shareBrand(brand),
      'pay-form-focus': () => this.#link.notify('focused'),
      'pay-form-blur': () => this.#link.notify('blurred'),
      'pay-form-submit': () => this.#link.notify('submit'),
    });
    // Lit hydrates the served nodes with the same values the entry showed: nothing changes.
    form.removeAttribute('defer-hydration');
    await form.updateComplete;
    form.takeOver(this.#field.handOver());
    if (drawn !== latest) await this.#apply(latest);
    // A document asked for another language than its own speaks once the app has drawn it.
    if (this.#link.state === 'drawing') this.#link.on('drawn');
    this.#group.start();
    // The hello told the host the title the field has now. The height is told again by the
    // observer's first callback (the host ignores a height it has): what the host holds may be
    // older than what the field measures now.
    this.#lastTitle = this.#title();
    new ResizeObserver(() => this.#tellHeight()).observe(form);
    onLocaleChange(() => this.#tellTitle());
    this.#link.onHello(() => form.retell());
    this.#link.provide(this.#methods);
  }

  readonly #methods: FrameMethods = {
    configure: async (input: unknown) => {
      const config = parseFrameConfig(input);
      if (!config) throw new Error('configure: malformed config');
      const previousKey = this.#config.publishableKey;
      await this.#apply(config);
      if (previousKey && config.publishableKey !== previousKey) {
        // Values taken under one merchant's key never go out under another's: a script could
        // re-key a group that took the customer's card. (Cleared after the new key is set, so
        // the emptied values reach only frames holding the new key.)
        this.#form.clear();
        this.#group.forget();
      }
      if (config.publishableKey !== previousKey) this.#group.keyChanged();
      await this.#form.updateComplete;
      const look = { height: this.#height(), title: this.#title() };
      this.#lastHeight = look.height;
      // Measured while the browser is mid-update the height can be off for a frame, and a
      // later settle to the old size is no resize to the observer: look again once laid out.
      requestAnimationFrame(() => this.#tellHeight());
      return { ...this.#answer(), look };
    },
    focus: async (part?: unknown) => {
      this.#form.focus(isCardPart(part) ? { part } : undefined);
      return this.#answer();
    },
    blur: async () => {
      this.#form.blur();
      return this.#answer();
    },
    clear: async () => {
      this.#form.clear();
      return this.#answer();
    },
    tokenize: (request: unknown) =>
      tokenizeGroup(request, this.#group, this.#config.publishableKey, {
        brand: this.#form.brand ?? null,
        acceptedBrands: this.#config.acceptedBrands ?? null,
        network: this.#form.network() ?? null,
      }),
  };

  #answer(): CallAnswer {
    return { seq: this.#group.seq };
  }

  /** The configuration, in the document (styles, fonts, words) and in the form's properties. */
  async #apply(config: FrameConfig): Promise<void> {
    this.#config = config;
    applyStyles(config.styles ?? {}, config.theme);
    setOverrides(config.messages ?? {});
    if (config.dir) setDirection(config.dir);
    const form = this.#form;
    form.label = config.label;
    form.placeholder = config.placeholder ?? '';
    form.disabled = config.disabled === true;
    form.acceptedBrands = config.acceptedBrands ?? null;
    form.preferredNetwork = config.preferredNetwork ?? null;
    form.autoAdvance = config.autoAdvance === true;
    form.askGroup = () => this.#group.customerInGroup();
    await Promise.all([loadFonts(config.fonts ?? []), config.locale && setLocale(config.locale)]);
  }

  #height(): number {
    return Math.ceil(this.#form.getBoundingClientRect().height);
  }

  #title(): string {
    return frameTitle(this.#parts, t);
  }

  #tellHeight(): void {
    const height = this.#height();
    // A field always has a height: 0 is a moment of no layout, never a size to give the iframe.
    if (height === 0 || height === this.#lastHeight) return;
    this.#lastHeight = height;
    this.#link.notify('resize', height);
  }

  /** The host titles the iframe with the field's name in the frame's language. */
  #tellTitle(): void {
    const title = this.#title();
    if (title === this.#lastTitle) return;
    this.#lastTitle = title;
    this.#link.notify('title', title);
  }
}
