import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLocaleChange } from '../i18n/frame-locale.js';

/**
 * Re-renders its host when the frame's language, direction or string overrides change, and
 * calls `onChange` (for what the host must tell again in the new language).
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onChange: () => void;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, onChange: () => void = () => {}) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = onLocaleChange(() => {
      this.#host.requestUpdate();
      this.#onChange();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }
}
