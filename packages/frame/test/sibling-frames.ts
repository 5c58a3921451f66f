// Same-origin child frames of the test page, each with its own realm: a module imported in one
// runs against that frame's `window`, `location` and viewport, the way each card field frame
// runs its own copy of the app. A blob: document has the page's origin (an about:blank or
// srcdoc one has "null" for `location.origin`, which no group message may target).
import { waitUntil } from '@open-wc/testing';

/** What a sibling frame's own script gives the tests. */
export interface SiblingWindow extends Window {
  /** The module asked for, evaluated in this frame. */
  loaded?: unknown;
  /** Every message this frame received, in order (recorded before any listener of a test). */
  received: { data: unknown; origin: string; source: MessageEventSource | null }[];
  /**
   * Posts from this frame's realm, so the receiver sees this frame as `event.source`. Not as a
   * tail call: WebKit (proper tail calls) would then name the caller's window instead.
   */
  send(target: Window, message: unknown, targetOrigin?: string): void;
}

export interface SiblingFrame {
  iframe: HTMLIFrameElement;
  win: SiblingWindow;
}

const made: HTMLIFrameElement[] = [];

/**
 * Adds a same-origin iframe to the test page and imports `moduleUrl` (absolute) in it; resolves
 * once the module has run there.
 */
export async function siblingFrame(
  moduleUrl: string,
  style = 'width: 200px; height: 60px; border: 0',
): Promise<SiblingFrame> {
  const page = `<!doctype html><html><body style="margin:0"><script type="module">
    window.received = [];
    addEventListener('message', (e) =>
      received.push({ data: e.data, origin: e.origin, source: e.source }));
    window.send = (target, message, targetOrigin = location.origin) => {
      target.postMessage(message, targetOrigin);
    };
    window.loaded = await import(${JSON.stringify(moduleUrl)});
  </script></body></html>`;
  const url = URL.createObjectURL(new Blob([page], { type: 'text/html' }));
  const iframe = document.createElement('iframe');
  iframe.setAttribute('style', style);
  iframe.src = url;
  document.body.append(iframe);
  made.push(iframe);
  await waitUntil(
    () => (iframe.contentWindow as SiblingWindow | null)?.loaded,
    `${moduleUrl} did not load in a frame`,
    { timeout: 10000 },
  );
  URL.revokeObjectURL(url);
  return { iframe, win: iframe.contentWindow as SiblingWindow };
}

/**
 * Has a frame of another origin among the siblings (sandboxed: an opaque origin) post `message`
 * to the sibling `target`, with the right target origin; resolves once it has.
 */
export async function postFromForeignOrigin(target: Window, message: unknown): Promise<void> {
  const to = [...Array(window.frames.length).keys()].find((i) => window.frames[i] === target);
  if (to === undefined) throw new Error('postFromForeignOrigin: the target is no frame here');
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.setAttribute('style', 'width: 10px; height: 10px; border: 0');
  iframe.srcdoc = `<script>
    parent.frames[${to}].postMessage(${JSON.stringify(message)}, ${JSON.stringify(location.origin)});
    parent.postMessage('posted', ${JSON.stringify(location.origin)});
  </script>`;
  const posted = new Promise<void>((resolve) => {
    const listener = (event: MessageEvent): void => {
      if (event.source !== iframe.contentWindow) return;
      removeEventListener('message', listener);
      resolve();
    };
    addEventListener('message', listener);
  });
  document.body.append(iframe);
  made.push(iframe);
  await posted;
}

/** Removes every frame these helpers added. */
export function removeSiblingFrames(): void {
  for (const iframe of made.splice(0)) iframe.remove();
}
