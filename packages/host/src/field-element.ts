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
import type { PayCardFieldsElement } from './card-fields-element.js';
import { readFrameStyles } from './host-styles.js';

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
  resolve(value: T): void;
  reject(error: Error): void;
  settled: boolean;
}

function deferred<T>(): Deferred<T> {
  const d = { settled: false } as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) => {
    d.resolve = (value) => {
      d.settled = true;
      resolve(value);
    };
    d.reject = (error) => {
      d.settled = true;
      reject(error);
    };
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

const DEFAULT_HEIGHT: Record<FieldKind, number> = {
  number: 40,
  expiry: 40,
  cvc: 40,
  name: 40,
  card: 140,
};

type CustomState = 'focused' | 'invalid' | 'complete' | 'empty' | 'ready';

const template = document.createElement('template');
template.innerHTML = '<div part="frame"><slot></slot></div>';
// An adopted sheet, not a <style> element: merchants' CSPs without 'unsafe-inline' allow it.
const sheet = new CSSStyleSheet();
// Until the frame is ready its reserved box shows a quiet placeholder, not a blank iframe.
sheet.replaceSync(
  ':host{display:block}[part=frame]{position:relative;border-radius:4px}' +
    ':host(:not(:state(ready))) [part=frame]{background:#f3f4f6}' +
    ':host(:not(:state(ready))) ::slotted(iframe){opacity:0}',
);

/**
 * One card field: an iframe from the gateway, kept in this element's light DOM (so browser
 * autofill fills it and `window.frames` lists it) and shown through a slot. Form-associated
 * only so that `<label for>` can name it; the group element submits the token.
 *
 * @attr label - the accessible name of the input (or of the combined field's group) and the
 *   iframe title; otherwise the text of a `<label for>`
 * @attr placeholder - the input's placeholder
 * @fires pay-ready - the frame is connected and configured
 * @fires pay-change - `detail: { empty, complete, valid, brand?, error? }`
 * @fires pay-focus - the input got focus
 * @fires pay-blur - the input lost focus
 * @fires pay-submit - Enter in the input; cancel it to keep the form from submitting
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
  static observedAttributes = ['label', 'placeholder'];

  abstract readonly kind: FieldKind;

  readonly #internals: ElementInternals;
  #group: PayCardFieldsElement | null = null;
  #iframe: HTMLIFrameElement | undefined;
  #connection: Connection<FrameMethods> | undefined;
  #frame: RemoteProxy<FrameMethods> | undefined;
  #ready: Deferred<RemoteProxy<FrameMethods>> | undefined;
  #lastConfig = '';
  state: FieldChangeDetail = { ...EMPTY_STATE };

  constructor() {
    super();
    this.#internals = this.attachInternals();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.append(template.content.cloneNode(true));
    this.#setStates({ empty: true });
    // A click that reaches this element comes from a <label for> (clicks inside the iframe stay there).
    this.addEventListener('click', () => this.focus());
  }

  /**
   * Resolves when the frame is connected and configured; waits while it loads. Rejects when
   * the element is removed or a loaded frame does not answer the handshake.
   */
  get ready(): Promise<RemoteProxy<FrameMethods>> {
    return this.#ready?.promise ?? Promise.reject(new Error('not connected'));
  }

  connectedCallback(): void {
    // Idempotent: a second connect (React StrictMode, a move in the DOM) keeps one frame.
    if (this.#iframe) return;
    const group = this.closest<PayCardFieldsElement>('pay-card-fields');
    if (!group) {
      console.error(
        `pay: <${this.localName}> must be placed inside <pay-card-fields publishable-key="pk_...">.`,
      );
      return;
    }
    if (!isExactOrigin(group.gatewayOrigin)) {
      // e.g. the SDK bundled into a file:// or blob: script: the default cannot be derived.
      console.error('pay: set gateway="https://your-gateway" on <pay-card-fields>.');
      return;
    }
    this.#group = group;
    const iframe = document.createElement('iframe');
    iframe.src = frameUrl(group.gatewayOrigin, {
      kind: this.kind,
      origin: location.origin,
      group: group.groupId,
    });
    iframe.title = this.#title();
    iframe.setAttribute('allow', 'payment');
    iframe.setAttribute('scrolling', 'no');
    iframe.style.cssText = `display:block;width:100%;border:0;margin:0;padding:0;overflow:hidden;background:transparent;height:${DEFAULT_HEIGHT[this.kind]}px`;
    // The handshake starts when the gateway document has loaded: posting to the iframe while
    // it is still about:blank would fail the exact-origin check and print an error.
    iframe.addEventListener('load', () => this.#onFrameLoad(iframe));
    this.#ready = deferred();
    this.append(iframe);
    this.#iframe = iframe;
    group.register(this);
  }

  /**
   * Every load is a fresh frame document (first load, reload, restore after a crash), so it
   * gets a fresh connection; a second handshake on a live connection is still ignored.
   */
  #onFrameLoad(iframe: HTMLIFrameElement): void {
    const group = this.#group;
    const contentWindow = iframe.contentWindow;
    if (iframe !== this.#iframe || !group || !contentWindow || stillBlank(iframe)) return;
    if (this.#connection) {
      this.#connection.destroy();
      this.#frame = undefined;
      this.#lastConfig = '';
      if (this.#ready?.settled) this.#ready = deferred();
      this.#setStates({ ready: false, focused: false });
      // The new document holds nothing: say so, and drop a token made from the old input.
      this.#onChange(EMPTY_STATE);
    }
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
    };
    const connection = connect<FrameMethods>({
      messenger: new ExactOriginMessenger({
        remoteWindow: contentWindow,
        remoteOrigin: group.gatewayOrigin,
      }),
      methods: hostMethods,
      channel: FIELD_CHANNEL,
      timeout: HANDSHAKE_TIMEOUT_MS,
    });
    this.#connection = connection;
    connection.promise.then(
      async (frame) => {
        if (this.#connection !== connection) return;
        this.#frame = frame;
        await this.configure().catch(() => {});
        this.#setStates({ ready: true });
        ready.resolve(frame);
        this.dispatchEvent(new CustomEvent('pay-ready', { bubbles: true, composed: true }));
      },
      () => {
        if (this.#connection !== connection) return;
        console.error(
          `pay: the card field frame from ${group.gatewayOrigin} did not answer. Check the gateway attribute of <pay-card-fields> and that the gateway is up.`,
        );
        ready.reject(new Error('frame_not_ready'));
      },
    );
  }

  disconnectedCallback(): void {
    this.#connection?.destroy();
    this.#iframe?.remove();
    this.#group?.unregister(this);
    this.#ready?.reject(new Error('removed'));
    this.#connection = this.#frame = this.#ready = this.#iframe = undefined;
    this.#group = null;
    this.#lastConfig = '';
    this.#setStates({ ready: false, focused: false });
  }

  attributeChangedCallback(): void {
    void this.configure();
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
    void this.#frame?.focus(options?.part).catch(() => {});
  }

  override blur(): void {
    void this.#frame?.blur().catch(() => {});
  }

  clear(): void {
    void this.#frame?.clear().catch(() => {});
  }

  #onChange(detail: FieldChangeDetail): void {
    if (typeof detail !== 'object' || detail === null) return;
    const state: FieldChangeDetail = {
      empty: detail.empty === true,
      complete: detail.complete === true,
      valid: detail.valid === true,
    };
    if (typeof detail.brand === 'string') state.brand = detail.brand;
    if (
      detail.error &&
      typeof detail.error.code === 'string' &&
      typeof detail.error.message === 'string'
    ) {
      state.error = { code: detail.error.code, message: detail.error.message };
    }
    this.state = state;
    this.#setStates({
      empty: state.empty,
      complete: state.complete,
      invalid: Boolean(state.error),
    });
    this.dispatchEvent(
      new CustomEvent('pay-change', { detail: state, bubbles: true, composed: true }),
    );
    this.#group?.fieldChanged();
    // States may change the merchant's --pay-* values (e.g. :state(invalid) { --pay-color: red }).
    void this.configure().catch(() => {});
  }

  #onFocusChange(focused: boolean): void {
    this.#setStates({ focused });
    const init = { bubbles: true, composed: true };
    this.dispatchEvent(
      focused ? new CustomEvent('pay-focus', init) : new CustomEvent('pay-blur', init),
    );
    void this.configure().catch(() => {});
  }

  #onSubmit(): void {
    const event = new CustomEvent('pay-submit', {
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (this.dispatchEvent(event)) this.#group?.requestSubmit();
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
