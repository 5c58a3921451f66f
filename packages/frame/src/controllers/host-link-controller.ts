import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FrameMethods, HostMethods } from '@pay/protocol';
import type { HostLink } from '../host-link.js';

/**
 * The app's side of the link the frame's entry script opened to the host page: answers the
 * host's calls with `methods` while the element is connected, and tells the host what happens.
 */
export class HostLinkController implements ReactiveController {
  readonly #link: () => HostLink;
  readonly #methods: FrameMethods;

  constructor(host: ReactiveControllerHost, link: () => HostLink, methods: FrameMethods) {
    this.#link = link;
    this.#methods = methods;
    host.addController(this);
  }

  hostConnected(): void {
    this.#link().provide(this.#methods);
  }

  /**
   * Tells the host `name` (one of {@link HostMethods}: a misspelt name or wrong arguments do
   * not compile); fire and forget.
   */
  notify<Name extends keyof HostMethods>(name: Name, ...args: Parameters<HostMethods[Name]>): void {
    this.#link().notify(name, ...args);
  }
}
