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

const FRAME_TITLES: Record<FieldKind, string> = {
  number: 'Secure card number input',
  expiry: 'Secure expiration date input',
  cvc: 'Secure security code input',
  name: 'Secure cardholder name input',
  card: 'Secure card payment input',
};

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
 * @attr label - the input's accessible name (otherwise the text of a `<label for>`)
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
  #ready: Promise<RemoteProxy<FrameMethods>> | undefined;
  #lastConfig = '';
  state: FieldChangeDetail = { empty: true, complete: false, valid: true };

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

  /** Resolves when the frame is connected and configured. */
  get ready(): Promise<RemoteProxy<FrameMethods>> {
    return this.#ready ?? Promise.reject(new Error('not connected'));
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
    iframe.title = FRAME_TITLES[this.kind];
    iframe.setAttribute('allow', 'payment');
    iframe.setAttribute('scrolling', 'no');
    iframe.style.cssText = `display:block;width:100%;border:0;margin:0;padding:0;overflow:hidden;background:transparent;height:${DEFAULT_HEIGHT[this.kind]}px`;
    this.append(iframe);
    this.#iframe = iframe;
    const contentWindow = iframe.contentWindow;
    if (!contentWindow) return;
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
    });
    this.#connection = connection;
    this.#ready = connection.promise.then(async (frame) => {
      this.#frame = frame;
      await this.configure();
      this.#setStates({ ready: true });
      this.dispatchEvent(new CustomEvent('pay-ready', { bubbles: true, composed: true }));
      return frame;
    });
    this.#ready.catch(() => {});
    group.register(this);
  }

  disconnectedCallback(): void {
    this.#connection?.destroy();
    this.#iframe?.remove();
    this.#group?.unregister(this);
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
