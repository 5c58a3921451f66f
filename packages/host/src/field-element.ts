import {
  fieldHeight,
  frameUrl,
  isExactOrigin,
  isTextDirection,
  localeDirection,
  randomId,
  readHello,
  type Locale,
  type TextDirection,
  type CardPart,
  type FieldChangeDetail,
  type FieldKind,
  type FrameConfig,
  type FrameLook,
  type Theme,
  type TokenizeOutcome,
  type TokenizeRequest,
} from '@pay/protocol';
import { reflect, upgradeProperties } from './element-properties.js';
import { closestGroup, type FieldGroup } from './field-group.js';
import { EMPTY_STATE, FrameConnection } from './frame-connection.js';
import { readFrameStyles } from './host-styles.js';
import { emitFieldEvent } from './pay-event.js';

/**
 * The iframe title when the field has no label of its own, until the frame gives its name in
 * the shopper's language (the frame holds the strings; the SDK keeps only these).
 */
const DEFAULT_TITLES: Record<FieldKind, string> = {
  number: 'Card number',
  expiry: 'Expiration date',
  cvc: 'Security code',
  name: 'Name on card',
  card: 'Card details',
};

type CustomState = 'focused' | 'invalid' | 'complete' | 'empty' | 'ready';

// An adopted sheet, not a <style> element: merchants' CSPs without 'unsafe-inline' allow it.
// Made with the first element, not when the module loads: importing the package does nothing.
let sheet: CSSStyleSheet | undefined;

function fieldSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    // Until the frame is ready its reserved box shows a quiet placeholder, not a blank iframe.
    sheet.replaceSync(
      ':host{display:block}[part=frame]{position:relative;border-radius:4px}' +
        // A grey that reads on light and dark pages alike, whatever the theme.
        ':host(:not(:state(ready))) [part=frame]{background:#8882}' +
        // Hidden, not just transparent: a document that is not ready (still loading, gone, or a
        // look-alike a hostile top page navigated the frame to) takes no clicks and no keystrokes.
        ':host(:not(:state(ready))) ::slotted(iframe){visibility:hidden}',
    );
  }
  return sheet;
}

/**
 * True while the iframe still shows its initial about:blank document. Asked of its document,
 * which a same-origin page reads at no cost (the gateway's, cross-origin, reads as null), and
 * not of its window: every field checks each message's source against its own iframe, and
 * reading `contentWindow` of an iframe still at about:blank builds a script context for that
 * document, ms each on the page's thread while the frames load.
 */
function stillBlank(iframe: HTMLIFrameElement): boolean {
  return iframe.contentDocument?.URL === 'about:blank';
}

/**
 * One card field: an iframe from the gateway, kept in this element's light DOM (so browser
 * autofill fills it and `window.frames` lists it) and shown through a slot. Form-associated
 * only so that `<label for>` can name it; the group element submits the token.
 *
 * Both attributes are also properties (`label`, `placeholder`), settable before and after the
 * SDK defines the element. Every event's `detail.field` names the field: `'number'`,
 * `'expiry'`, `'cvc'`, `'name'` or `'card'`.
 *
 * @attr label - the accessible name of the input (or of the combined field's group) and the
 *   iframe title; otherwise the text of a `<label for>`
 * @attr placeholder - the input's placeholder
 * @attr defer-hydration - while present, the field makes no iframe: a page rendered on the
 *   server keeps the markup its framework hydrates (an iframe added before hydration would be
 *   a mismatch). The React and Vue wrappers render it and remove it once they have hydrated.
 * @fires pay-ready - `detail: { field }`: the gateway's frame shows the field as it will stay
 *   (the page's configuration, words, styles and fonts in place), connected, and takes typing.
 *   Fired again after the frame's document was replaced and the new one is ready. Does not
 *   bubble: the group's own `pay-ready` says when all are ready.
 * @fires pay-change - `detail: { field, empty, complete, valid, brand?, networks?,
 *   preferredNetwork?, error? }`: `networks` lists a complete co-badged number's networks
 * @fires pay-focus - `detail: { field }`: the input got focus
 * @fires pay-blur - `detail: { field }`: the input lost focus
 * @fires pay-submit - `detail: { field }`: Enter in the input; cancel it to keep the form from
 *   submitting
 * @csspart frame - the box around the iframe (the group's `theme="none"` leaves it to you)
 * @cssstate focused - the input has focus
 * @cssstate invalid - an error is shown
 * @cssstate complete - the value is complete and valid
 * @cssstate empty - nothing typed
 * @cssstate ready - the gateway's frame shows the field as it will stay (see `pay-ready`)
 * @cssprop --pay-color - text color in the frame
 * @cssprop --pay-font-family - font family in the frame
 * @cssprop --pay-font-size - font size in the frame
 * @cssprop --pay-placeholder-color - placeholder color in the frame
 * @cssprop --pay-invalid-color - color of invalid text and of the invalid field's border
 * @cssprop --pay-background - the input's background
 * @cssprop --pay-border-color - the input's border (its underline in `flat`)
 * @cssprop --pay-border-radius - the input's corners
 * @cssprop --pay-focus-color - the focus ring
 */
export abstract class PayFieldElement extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = ['label', 'placeholder', 'defer-hydration'];

  abstract readonly kind: FieldKind;

  readonly #internals: ElementInternals;
  #group: FieldGroup<PayFieldElement> | null = null;
  #onMessage = (_event: MessageEvent): void => {};
  #iframe: HTMLIFrameElement | undefined;
  #connection: FrameConnection | undefined;
  /** The field's name from the frame, in the group's language. */
  #frameTitle = '';
  /** Whether the frame said its input has focus (custom states may be missing: not read back). */
  #focused = false;
  state: FieldChangeDetail = { ...EMPTY_STATE };

  constructor() {
    super();
    this.#internals = this.attachInternals();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [fieldSheet()];
    // Built node by node, not from an HTML string: pages that enforce Trusted Types allow it.
    const frame = document.createElement('div');
    frame.setAttribute('part', 'frame');
    frame.append(document.createElement('slot'));
    root.append(frame);
    this.#setStates({ empty: true });
    // A click that reaches this element comes from a <label for> (clicks inside the iframe stay there).
    this.addEventListener('click', () => this.focus());
    upgradeProperties(this, ['label', 'placeholder']);
  }

  get label(): string | null {
    return this.getAttribute('label');
  }

  set label(value: string | null) {
    reflect(this, 'label', value);
  }

  get placeholder(): string | null {
    return this.getAttribute('placeholder');
  }

  set placeholder(value: string | null) {
    reflect(this, 'placeholder', value);
  }

  /**
   * Resolves when the field is ready (`pay-ready`): the gateway's document shows it as it will
   * stay and is connected. Waits while it loads. Rejects when the element is removed or a loaded
   * frame does not answer.
   */
  get ready(): Promise<void> {
    return this.#connection?.ready ?? Promise.reject(new Error('not connected'));
  }

  /** The frame's values version from its last answer (the group orders tokenize after it). */
  get seq(): number {
    return this.#connection?.seq ?? 0;
  }

  connectedCallback(): void {
    // Idempotent: a second connect (React StrictMode, a move in the DOM) keeps one frame.
    if (this.#iframe || this.hasAttribute('defer-hydration')) return;
    const group = closestGroup<PayFieldElement>(this);
    if (!group) {
      console.error(`pay: put <${this.localName}> inside <pay-card-fields>.`);
      return;
    }
    // No gateway known (a bundled SDK without `gateway`): the group reports missing_gateway.
    const origin = group.gatewayOrigin;
    if (!isExactOrigin(origin)) return;
    this.#group = group;
    const iframe = document.createElement('iframe');
    const id = randomId();
    // The frame shows this configuration before it first speaks.
    const config = this.#config(group);
    iframe.src = frameUrl(origin, {
      kind: this.kind,
      origin: location.origin,
      group: group.groupId,
      id,
      config,
    });
    iframe.title = this.#title();
    // No `allow` (the frame uses no Payment Request or other permission) and no `scrolling`
    // (the frame's own stylesheet hides overflow).
    // The height the frame will have for these styles: the page does not move when it shows.
    iframe.style.cssText = `display:block;width:100%;border:0;margin:0;padding:0;overflow:hidden;background:transparent;height:${fieldHeight(this.kind, config.styles ?? {})}px`;
    const connection = new FrameConnection(
      {
        config: () => this.#config(group),
        changed: (state) => this.#onChange(state),
        focusChanged: (focused) => this.#onFocusChange(focused),
        submitted: () => this.#onSubmit(),
        readyChanged: (ready) => this.#onReadyChange(ready),
        looked: (look) => this.#onLook(look),
      },
      config,
    );
    iframe.addEventListener('load', () => {
      // The iframe's initial about:blank document loads too: not the gateway's.
      if (!stillBlank(iframe)) connection.loaded();
    });
    /**
     * The frame's hello: taken only from the gateway origin, from this iframe's window, with
     * this iframe's frame id, carrying the port the RPC runs over.
     */
    this.#onMessage = (event: MessageEvent) => {
      if (event.origin !== origin || stillBlank(iframe) || event.source !== iframe.contentWindow)
        return;
      const look = readHello(event.data, id);
      const port = event.ports[0];
      if (look && port) connection.hello(look, port);
    };
    addEventListener('message', this.#onMessage);
    this.#connection = connection;
    this.append(iframe);
    this.#iframe = iframe;
    group.register(this);
    connection.open();
  }

  disconnectedCallback(): void {
    removeEventListener('message', this.#onMessage);
    this.#connection?.close();
    this.#iframe?.remove();
    this.#group?.unregister(this);
    this.#connection = this.#iframe = undefined;
    this.#group = null;
    this.#focused = false;
    this.#setStates({ ready: false, focused: false });
  }

  attributeChangedCallback(name: string): void {
    if (name === 'defer-hydration') {
      if (this.isConnected && !this.hasAttribute(name)) this.connectedCallback();
      return;
    }
    this.#reconfigure();
  }

  /**
   * Sends label, placeholder, key, styles and fonts to the frame when they changed, in order
   * with the group's other calls.
   */
  configure(): Promise<void> {
    if (this.#iframe) this.#iframe.title = this.#title();
    return this.#call((connection) => connection.configure());
  }

  /** configure(), fire and forget. */
  #reconfigure(): void {
    void this.configure().catch(() => {});
  }

  /**
   * Runs `task` on the connection in the order the page made its calls, across the fields of
   * the group (field-group.ts `sequence`). Rejects when the field has no frame.
   */
  #call<T>(task: (connection: FrameConnection) => Promise<T>): Promise<T> {
    const connection = this.#connection;
    const group = this.#group;
    if (!connection || !group) return Promise.reject(new Error('not connected'));
    return group.sequence(() => task(connection));
  }

  /** Fire and forget: neither a rejection nor a throw may reach the merchant's page. */
  #tell(task: (connection: FrameConnection) => Promise<unknown>): void {
    void this.#call(task).catch(() => {});
  }

  /** The group's tokenize() through this (leading) field, in order with the group's calls. */
  tokenizeHere(request: TokenizeRequest): Promise<TokenizeOutcome> {
    const connection = this.#connection;
    if (!connection) return Promise.reject(new Error('not connected'));
    return connection.call('tokenize', request);
  }

  #config(group: FieldGroup<PayFieldElement>): FrameConfig {
    const placeholder = this.getAttribute('placeholder');
    return {
      label: this.accessibleName(),
      ...(placeholder ? { placeholder } : {}),
      ...(group.publishableKey ? { publishableKey: group.publishableKey } : {}),
      styles: readFrameStyles(this),
      fonts: group.fonts,
      disabled: group.disabled,
      locale: group.resolvedLocale,
      dir: this.#direction(group.resolvedLocale),
      messages: group.messages,
      ...(group.acceptedBrands ? { acceptedBrands: group.acceptedBrands } : {}),
      ...(group.preferredNetwork ? { preferredNetwork: group.preferredNetwork } : {}),
      ...(group.autoAdvance ? { autoAdvance: true } : {}),
      // Checked in the frame (parseFrameConfig), which trusts nothing the page sends.
      ...(group.theme ? { theme: group.theme as Theme } : {}),
    };
  }

  /**
   * Right to left where the nearest `dir` attribute says so; with none (or `auto`), the
   * locale's own direction.
   */
  #direction(locale: Locale): TextDirection {
    const dir = this.closest('[dir]')?.getAttribute('dir')?.toLowerCase();
    return isTextDirection(dir) ? dir : localeDirection(locale);
  }

  /** The `label` attribute, or the text of the `<label>`s that point at this element. */
  accessibleName(): string {
    const attribute = this.getAttribute('label');
    if (attribute) return attribute;
    return [...this.#internals.labels]
      .map((label) => label.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
  }

  #title(): string {
    return this.accessibleName() || this.#frameTitle || DEFAULT_TITLES[this.kind];
  }

  override focus(options?: FocusOptions & { part?: CardPart }): void {
    this.#iframe?.focus(options);
    const part = options?.part;
    this.#tell((connection) => connection.call('focus', part));
  }

  override blur(): void {
    this.#tell((connection) => connection.call('blur'));
  }

  clear(): void {
    this.#tell((connection) => connection.call('clear'));
  }

  #onReadyChange(ready: boolean): void {
    this.#setStates(ready ? { ready } : { ready, focused: false });
    if (!ready) return;
    // Not bubbling: a listener on the group hears the group's readiness only.
    emitFieldEvent(this, 'pay-ready', { field: this.kind }, false, false);
    this.#group?.fieldReady();
  }

  /** The frame's height and name; true when the height changed the page's layout. */
  #onLook({ height, title }: Partial<FrameLook>): boolean {
    const iframe = this.#iframe;
    if (!iframe) return false;
    if (typeof title === 'string' && title) {
      this.#frameTitle = title.slice(0, 200);
      iframe.title = this.#title();
    }
    // A field is never 0 px tall: that reading is a frame measured with no layout, and would
    // collapse the field for good.
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 1 || height > 2000)
      return false;
    const px = `${height}px`;
    if (iframe.style.height === px) return false;
    iframe.style.height = px;
    return true;
  }

  #onChange(state: FieldChangeDetail): void {
    const wasDone = this.state.complete && this.state.valid;
    this.state = state;
    this.#setStates({
      empty: state.empty,
      complete: state.complete,
      invalid: Boolean(state.error),
    });
    emitFieldEvent(this, 'pay-change', { field: this.kind, ...state });
    this.#group?.fieldChanged();
    if (!wasDone && state.complete && state.valid && this.#focused) this.#group?.fieldDone(this);
    // States may change the merchant's --pay-* values (e.g. :state(invalid) { --pay-color: red }).
    this.#reconfigure();
  }

  #onFocusChange(focused: boolean): void {
    this.#focused = focused;
    this.#setStates({ focused });
    emitFieldEvent(this, focused ? 'pay-focus' : 'pay-blur', { field: this.kind });
    this.#reconfigure();
  }

  #onSubmit(): void {
    if (emitFieldEvent(this, 'pay-submit', { field: this.kind }, true))
      this.#group?.requestSubmit();
  }

  #setStates(states: Partial<Record<CustomState, boolean>>): void {
    for (const [name, on] of Object.entries(states)) {
      try {
        if (on) this.#internals.states.add(name);
        else this.#internals.states.delete(name);
      } catch {
        // Browsers without CustomStateSet: the states are a progressive enhancement.
      }
    }
  }
}
