/**
 * Entry of the field frame, inlined at the end of each frame document (a classic script: it runs
 * as the parser reaches it, with the drawn field above it). The document was served with its
 * field drawn in its locale; this makes it the host's (the configuration of the URL fragment:
 * words, styles, fonts), then says hello: the host shows the field as it will stay. Then, once
 * the thread is idle, it loads the app (Lit, the card rules, the group), which hydrates the same
 * nodes and answers the host's calls from then on. Until then the entry answers them.
 */
import { readFrameParams, type FrameConfig } from '@pay/protocol';
import { DrawnField } from './drawn-field.js';
import { applyStyles, loadFonts, parseFrameConfig } from './frame-config.js';
import { openHostLink } from './host-link.js';

/** The app chunk's URL, set when the entry is bundled (scripts/build-documents.ts). */
declare const FRAME_APP_URL: string;

function whenIdle(task: () => void, ms: number): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: ms });
  else setTimeout(task, ms / 10);
}

const params = readFrameParams(location.hash);
const form = document.querySelector<HTMLElement>('pay-card-form');
if (!params || !form || window.parent === window) {
  console.error(
    'pay: this page is a card field frame; it is opened by the pay.js SDK, not directly.',
  );
} else {
  const field = new DrawnField(form);
  let config: FrameConfig = parseFrameConfig(params.config) ?? { label: '' };
  const servedLocale = document.documentElement.lang;
  /**
   * Shows `next` in the drawn field; resolves once its fonts are in. Null when it asks for
   * another language than the document's: only the app has other strings.
   */
  const show = async (next: FrameConfig): Promise<boolean> => {
    config = next;
    if (next.locale && next.locale !== servedLocale) return false;
    applyStyles(next.styles ?? {}, next.theme);
    field.show(next);
    await loadFonts(next.fonts ?? []);
    return true;
  };
  const look = () => ({ height: field.height(), title: field.title() });
  const link = openHostLink({
    hostOrigin: params.origin,
    id: params.id,
    look,
    early: {
      async configure(input) {
        const next = parseFrameConfig(input);
        if (!next) throw new Error('configure: malformed config');
        return (await show(next)) ? look() : null;
      },
      focus: (part) => field.focus(part),
      blur: () => field.blur(),
      clear: () => field.clear(),
    },
  });
  addEventListener('pagehide', () => link.on('pagehide'));
  addEventListener('pageshow', (event) => {
    if (event.persisted) link.on('pageshow');
  });
  // Focus given to the frame window (a label click, the host's focus()) goes to the input.
  addEventListener('focus', () => {
    if (!field.form.matches(':focus-within')) field.focus();
  });
  const startApp = () =>
    (import(/* @vite-ignore */ FRAME_APP_URL) as Promise<typeof import('./app.js')>).then(
      ({ startApp }) => startApp({ link, field, config: () => config, group: params.group }),
    );
  void show(config).then((shown) => {
    if (!shown) {
      // Another language than the document's: the app draws it, then the frame speaks.
      void startApp();
      return;
    }
    link.on('drawn');
    // Once the thread is idle: the frames of a page share one, and each says hello first.
    whenIdle(() => void startApp(), 500);
  });
}
