// Runs in every frame of the merchant page before any of its scripts (Playwright init script)
// and, outside the gateway origin, records everything a script on the merchant origin could
// observe: message events (window and MessagePort), the DOM and every shadow root (text and
// attributes, as they change), console output, the SDK's events, and the elements' readable
// properties. Records go to Node through an exposed binding, so they survive navigations.
import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    __securityRecord?: (channel: string, text: string) => void;
    __securitySnapshot?: () => void;
  }
}

export interface Recording {
  channel: string;
  text: string;
}

/** The in-page part; serialized by Playwright, so it may use nothing from this module. */
function recorder(gatewayOrigin: string): void {
  if (location.origin === gatewayOrigin || window.__securitySnapshot) return;
  const send = (channel: string, value: unknown) => {
    let text: string;
    try {
      text =
        typeof value === 'string'
          ? value
          : JSON.stringify(value, (_k, v: unknown) =>
              v instanceof Node
                ? `[node ${v.nodeName}]`
                : typeof v === 'function'
                  ? '[function]'
                  : v,
            );
    } catch {
      text = String(value);
    }
    try {
      window.__securityRecord?.(channel, text ?? '');
    } catch {
      // the binding is gone while the page unloads
    }
  };

  window.addEventListener(
    'message',
    (e) => send('message', { origin: e.origin, data: e.data, ports: e.ports.length }),
    true,
  );
  // penpal moves to a MessagePort after the handshake: listen to every port the page gets.
  const addListener = MessagePort.prototype.addEventListener;
  MessagePort.prototype.addEventListener = function (
    this: MessagePort,
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (type === 'message')
      addListener.call(this, 'message', (e: Event) => send('port', (e as MessageEvent).data));
    return addListener.call(this, type, listener, options);
  } as typeof addListener;
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get(this: MessagePort) {
      return onmessage?.get?.call(this);
    },
    set(this: MessagePort, fn: ((e: MessageEvent) => void) | null) {
      onmessage?.set?.call(
        this,
        fn && ((e: MessageEvent) => (send('port', e.data), fn.call(this, e))),
      );
    },
  });

  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      send(
        'console',
        args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : a)),
      );
      original(...args);
    };
  }
  window.addEventListener('error', (e) => send('console', `uncaught: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) =>
    send('console', `unhandled: ${String((e.reason as Error)?.message ?? e.reason)}`),
  );

  for (const type of [
    'pay-ready',
    'pay-change',
    'pay-focus',
    'pay-blur',
    'pay-submit',
    'pay-error',
    'input',
    'change',
    'submit',
    'formdata',
  ]) {
    document.addEventListener(
      type,
      (e) =>
        send('event', {
          type,
          detail: (e as CustomEvent).detail,
          data: type === 'formdata' ? [...(e as FormDataEvent).formData.entries()] : undefined,
        }),
      true,
    );
  }

  const roots: (Document | ShadowRoot)[] = [document];
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'characterData') send('dom', m.target.textContent);
      else if (m.type === 'attributes')
        send(
          'dom',
          `${m.attributeName}=${(m.target as Element).getAttribute(m.attributeName ?? '')}`,
        );
      else
        for (const node of m.addedNodes)
          send('dom', node instanceof Element ? node.outerHTML : node.textContent);
    }
  });
  const observe = (root: Node) =>
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
      attributeOldValue: true,
      characterDataOldValue: true,
    });
  observe(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observe(root);
    return root;
  };

  // Everything readable at the end: markup of the document and every shadow root, storage,
  // cookies, form data, and the public properties of the SDK's elements.
  window.__securitySnapshot = () => {
    for (const root of roots)
      send(
        'snapshot-dom',
        root instanceof Document ? root.documentElement.outerHTML : root.innerHTML,
      );
    send('storage', {
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie,
    });
    for (const form of document.forms)
      send(
        'form',
        [...new FormData(form).entries()].map(([k, v]) => [k, String(v)]),
      );
    for (const el of document.querySelectorAll('*')) {
      if (!el.localName.startsWith('pay-')) continue;
      const values: Record<string, unknown> = {};
      for (
        let proto = Object.getPrototypeOf(el) as object | null;
        proto && proto !== HTMLElement.prototype;
        proto = Object.getPrototypeOf(proto) as object | null
      ) {
        for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
          if (!d.get || name in values) continue;
          try {
            const v: unknown = d.get.call(el);
            values[name] = v instanceof Promise ? '[promise]' : v;
          } catch {
            values[name] = '[throws]';
          }
        }
      }
      for (const key of Object.keys(el))
        values[key] = (el as unknown as Record<string, unknown>)[key];
      send('element', {
        tag: el.localName,
        attributes: [...el.attributes].map((a) => `${a.name}=${a.value}`),
        values,
      });
    }
  };
}

/** Installs the recorder on a context; the returned array fills as the pages run. */
export async function recordMerchantSide(
  context: BrowserContext,
  gatewayOrigin: string,
): Promise<Recording[]> {
  const records: Recording[] = [];
  await context.exposeBinding('__securityRecord', (_source, channel: string, text: string) => {
    records.push({ channel, text });
  });
  // As source text: tsx/esbuild wraps named functions in __name(), which pages do not have.
  await context.addInitScript({
    content: `(() => { const __name = (f) => f; (${recorder.toString()})(${JSON.stringify(gatewayOrigin)}); })();`,
  });
  return records;
}

/** Requests the merchant origin's documents make (not the gateway frames' own requests). */
export function recordMerchantRequests(
  page: Page,
  gatewayOrigin: string,
  records: Recording[],
): void {
  page.on('request', (request) => {
    const frameUrl = request.frame().url();
    if (frameUrl.startsWith(gatewayOrigin)) return;
    records.push({
      channel: 'request',
      text: `${request.method()} ${request.url()} ${JSON.stringify(request.headers())} ${request.postData() ?? ''}`,
    });
  });
}

export async function snapshot(page: Page): Promise<void> {
  await page.evaluate(() => window.__securitySnapshot?.());
}
