import { connect, type Connection, type RemoteProxy } from 'penpal';
import {
  ExactOriginMessenger,
  FIELD_CHANNEL,
  frameUrl,
  isExactOrigin,
  type CardPart,
  type FieldChangeDetail,
  type FieldKind,
  type FrameConfig,
  type FrameMethods,
  type HostMethods,
} from '@pay/protocol';
import { reflect, upgradeProperties } from './element-properties.js';
import { closestGroup, type FieldGroup } from './field-group.js';
import { readFrameStyles } from './host-styles.js';
import { emitFieldEvent } from './pay-event.js';

/** The iframe title when the field has no label of its own. */
const DEFAULT_TITLES: Record<FieldKind, string> = {
  number: 'Card number',
  expiry: 'Expiration date',
  cvc: 'Security code',
  name: 'Name on card',
  card: 'Card details',
};

/**
 * How long a loaded frame may take to answer the handshake. Counted from the iframe's `load`
 * event, so a slow network or a busy machine never runs it down; a frame that loaded and
 * stays silent is an error page or the wrong gateway.
 */
const HANDSHAKE_TIMEOUT_MS = 10000;

const EMPTY_STATE: FieldChangeDetail = { empty: true, complete: false, valid: true };

interface Deferred<T> {
  promise: Promise<T>;
  /** Settles once; later calls do nothing (a pending one may adopt a newer promise). */
  resolve(value: T | Promise<T>): void;
  reject(error: Error): void;
}

function deferred<T>(): Deferred<T> {
  const d = {} as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) => {
    d.resolve = resolve;
    d.reject = reject;
  });
  d.promise.catch(() => {});
  return d;
}

/** True while the iframe still shows its initial same-origin about:blank document. */
function stillBlank(iframe: HTMLIFrameElement): boolean {
  try {
    return iframe.contentWindow?.location.href === 'about:blank';
  } catch {
    return false; // cross-origin: the gateway document (or its error page) is there
  }
}

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
        ':host(:not(:state(ready))) [part=frame]{background:#f3f4f6}' +
        // Hidden, not just transparent: a document that has not shaken hands (still loading, or a
        // look-alike a hostile top page navigated the frame to) takes no clicks and no keystrokes.
        ':host(:not(:state(ready))) ::slotted(iframe){visibility:hidden}',
    );
  }
  return sheet;
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
 * @fires pay-ready - `detail: { field }`: the frame is connected; its configuration goes ahead of
 *   any later call. Does not bubble: the group's own `pay-ready` says when all are ready.
 * @fires pay-change - `detail: { field, empty, complete, valid, brand?, error? }`
 * @fires pay-focus - `detail: { field }`: the input got focus
 * @fires pay-blur - `detail: { field }`: the input lost focus
 * @fires pay-submit - `detail: { field }`: Enter in the input; cancel it to keep the form from
 *   submitting
 * @csspart frame - the box around the iframe
 * @cssstate focused - the input has focus
 * @cssstate invalid - an error is shown
 * @cssstate complete - the value is complete and valid
 * @cssstate empty - nothing typed
 * @cssstate ready - the frame is loaded and connected
 * @cssprop --pay-color - text color in the frame
 * @cssprop --pay-font-family - font family in the frame
 * @cssprop --pay-font-size - font size in the frame
 * @cssprop --pay-placeholder-color - placeholder color in the frame
 * @cssprop --pay-invalid-color - color of invalid text in the frame
 */
export abstract class PayFieldElement extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = ['label', 'placeholder', 'defer-hydration'];

  abstract readonly kind: FieldKind;

  readonly #internals: ElementInternals;
  #group: FieldGroup<PayFieldElement> | null = null;
  #iframe: HTMLIFrameElement | undefined;
  #connection: Connection<FrameMethods> | undefined;
  #loaded = false;
  /** The frame said its document is going: the connection already waits for the next one. */
  #replaced = false;
  #failIfSilent = (): void => {};
  #frame: RemoteProxy<FrameMethods> | undefined;
  #ready: Deferred<RemoteProxy<FrameMethods>> | undefined;
  #lastConfig = '';
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
   * Resolves when the frame is connected (its configuration is posted first); waits while it
   * loads. Rejects when the element is removed or a loaded frame does not answer the handshake.
   */
  get ready(): Promise<RemoteProxy<FrameMethods>> {
    return this.#ready?.promise ?? Promise.reject(new Error('not connected'));
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
    if (!isExactOrigin(group.gatewayOrigin)) return;
    this.#group = group;
    const iframe = document.createElement('iframe');
    iframe.src = frameUrl(group.gatewayOrigin, {
      kind: this.kind,
      origin: location.origin,
      group: group.groupId,
    });
    iframe.title = this.#title();
    // No `allow` (the frame uses no Payment Request or other permission) and no `scrolling`
    // (the frame's own stylesheet hides overflow).
    iframe.style.cssText = `display:block;width:100%;border:0;margin:0;padding:0;overflow:hidden;background:transparent;height:${this.kind === 'card' ? 140 : 40}px`;
    iframe.addEventListener('load', () => this.#onFrameLoad(iframe));
    this.#ready = deferred();
    this.append(iframe);
    this.#iframe = iframe;
    group.register(this);
    // Listen at once: the frame starts the handshake as soon as its script runs, well before
    // the iframe's load event. Nothing is posted to the iframe until the gateway document has
    // spoken: posting while it is still about:blank would fail the exact-origin check.
    this.#connect(iframe, true);
  }

  /**
   * The first load of the gateway document starts the handshake's timeout. A later load is a
   * fresh frame document (reload, restore after a crash), so it gets a fresh connection; a
   * second handshake on a live connection is still ignored.
   */
  #onFrameLoad(iframe: HTMLIFrameElement): void {
    if (iframe !== this.#iframe || !this.#group || stillBlank(iframe)) return;
    // (The first document's connection, made with the iframe, is already listening, and so
    // is the one made when the previous document said it was going.)
    if (this.#loaded && !this.#replaced) this.#awaitNewDocument(iframe, false);
    this.#replaced = false;
    this.#loaded = true;
    // Counted from the load event: a loaded frame that stays silent is an error page.
    setTimeout(this.#failIfSilent, HANDSHAKE_TIMEOUT_MS);
  }

  /**
   * The frame's document went away (`unloading`). Whatever comes next may be a look-alike put
   * there by a hostile top page, one that never fires `load`: the field is hidden and not ready
   * until a gateway document shakes hands again, and fails like a silent frame if none does.
   */
  #onFrameGone(iframe: HTMLIFrameElement): void {
    if (iframe !== this.#iframe || !this.#frame) return;
    this.#replaced = true;
    this.#awaitNewDocument(iframe, true);
    setTimeout(this.#failIfSilent, HANDSHAKE_TIMEOUT_MS);
  }

  /**
   * Drops the connection to the old document and listens for the new one's handshake. With
   * `waitForFrame`, nothing is posted until the new document speaks (the old one may still be
   * there, and must not be mistaken for it).
   */
  #awaitNewDocument(iframe: HTMLIFrameElement, waitForFrame: boolean): void {
    this.#connection?.destroy();
    this.#frame = undefined;
    this.#lastConfig = '';
    // Who waits for the old document's handshake gets the new one's outcome.
    const previous = this.#ready;
    this.#ready = deferred();
    previous?.resolve(this.#ready.promise);
    this.#setStates({ ready: false, focused: false });
    // The new document holds nothing: say so, and drop a token made from the old input.
    this.#onChange(EMPTY_STATE);
    this.#connect(iframe, waitForFrame);
  }

  #connect(iframe: HTMLIFrameElement, waitForFrame: boolean): void {
    const group = this.#group!;
    const ready = this.#ready!;
    const hostMethods: HostMethods = {
      change: (detail: FieldChangeDetail) => this.#onChange(detail),
      focused: () => this.#onFocusChange(true),
      blurred: () => this.#onFocusChange(false),
      submit: () => this.#onSubmit(),
      resize: (height: number) => {
        if (Number.isFinite(height) && height >= 0 && height <= 2000)
          iframe.style.height = `${height}px`;
      },
      unloading: () => this.#onFrameGone(iframe),
    };
    const connection = connect<FrameMethods>({
      messenger: new ExactOriginMessenger({
        remoteWindow: iframe.contentWindow!,
        remoteOrigin: group.gatewayOrigin,
        waitForRemote: waitForFrame,
      }),
      methods: hostMethods,
      channel: FIELD_CHANNEL,
    });
    this.#connection = connection;
    connection.promise.then(
      (frame) => {
        if (this.#connection !== connection) return;
        this.#frame = frame;
        // Posted first on the port, so every later call finds the frame configured.
        void this.configure().catch(() => {});
        this.#setStates({ ready: true });
        ready.resolve(frame);
        // Not bubbling: a listener on the group hears the group's readiness only.
        emitFieldEvent(this, 'pay-ready', { field: this.kind }, false, false);
      },
      () => fail(),
    );
    const fail = (): void => {
      if (this.#connection !== connection || this.#frame) return;
      connection.destroy(); // penpal's destroy() leaves the promise pending
      this.#replaced = false; // a gateway document loading later gets a fresh connection
      console.error(
        `pay: the card frame from ${group.gatewayOrigin} did not answer. Check the gateway attribute of <pay-card-fields>.`,
      );
      ready.reject(new Error('frame_not_ready'));
    };
    this.#failIfSilent = fail;
  }

  disconnectedCallback(): void {
    this.#connection?.destroy();
    this.#iframe?.remove();
    this.#group?.unregister(this);
    this.#ready?.reject(new Error('removed'));
    this.#loaded = this.#replaced = false;
    this.#connection = this.#frame = this.#ready = this.#iframe = undefined;
    this.#group = null;
    this.#lastConfig = '';
    this.#setStates({ ready: false, focused: false });
  }

  attributeChangedCallback(name: string): void {
    if (name === 'defer-hydration') {
      if (this.isConnected && !this.hasAttribute(name)) this.connectedCallback();
      return;
    }
    void this.configure().catch(() => {});
  }

  /** Sends label, placeholder, key, styles and fonts to the frame when they changed. */
  async configure(): Promise<void> {
    if (this.#iframe) this.#iframe.title = this.#title();
    const frame = this.#frame;
    const group = this.#group;
    if (!frame || !group) return;
    const placeholder = this.getAttribute('placeholder');
    const config: FrameConfig = {
      label: this.accessibleName(),
      ...(placeholder ? { placeholder } : {}),
      ...(group.publishableKey ? { publishableKey: group.publishableKey } : {}),
      styles: readFrameStyles(this),
      fonts: group.fonts,
      disabled: group.disabled,
    };
    const key = JSON.stringify(config);
    if (key === this.#lastConfig) return;
    this.#lastConfig = key;
    await frame.configure(config);
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
    return this.accessibleName() || DEFAULT_TITLES[this.kind];
  }

  override focus(options?: FocusOptions & { part?: CardPart }): void {
    this.#iframe?.focus(options);
    this.#tell((frame) => frame.focus(options?.part));
  }

  override blur(): void {
    this.#tell((frame) => frame.blur());
  }

  clear(): void {
    this.#tell((frame) => frame.clear());
  }

  /**
   * Calls the frame, fire and forget. Neither a rejection nor a throw (penpal throws at once on
   * a connection destroyed meanwhile) may reach the merchant's page as an unhandled error.
   */
  #tell(call: (frame: RemoteProxy<FrameMethods>) => Promise<unknown>): void {
    const frame = this.#frame;
    if (!frame) return;
    try {
      void call(frame).catch(() => {});
    } catch {
      // The frame is going; its successor gets its configuration when it shakes hands.
    }
  }

  #onChange(detail: FieldChangeDetail): void {
    if (typeof detail !== 'object' || detail === null) return;
    const state: FieldChangeDetail = {
      empty: detail.empty === true,
      complete: detail.complete === true,
      valid: detail.valid === true,
    };
    const { brand, error } = detail;
    if (typeof brand === 'string') state.brand = brand;
    if (typeof error?.code === 'string' && typeof error.message === 'string') {
      state.error = { code: error.code, message: error.message };
    }
    this.state = state;
    this.#setStates({
      empty: state.empty,
      complete: state.complete,
      invalid: Boolean(state.error),
    });
    emitFieldEvent(this, 'pay-change', { field: this.kind, ...state });
    this.#group?.fieldChanged();
    // States may change the merchant's --pay-* values (e.g. :state(invalid) { --pay-color: red }).
    void this.configure().catch(() => {});
  }

  #onFocusChange(focused: boolean): void {
    this.#setStates({ focused });
    emitFieldEvent(this, focused ? 'pay-focus' : 'pay-blur', { field: this.kind });
    void this.configure().catch(() => {});
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
