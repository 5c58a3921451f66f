/**
 * Entry of the field frame, inlined into its document. It draws the field's inputs and shakes
 * hands with the host page at once, with little script, so that the fields of a page are ready
 * (and can be typed into) sooner; then it loads the app (Lit, the field, the card rules),
 * which takes the inputs over and answers the host's calls from then on.
 */
import { readFrameParams } from '@pay/protocol';
import { drawEarlyInputs } from './early-inputs.js';
import { openHostLink } from './host-link.js';

/** The app chunk's URL, set when the entry is bundled (inline-frame-app.ts). */
declare const FRAME_APP_URL: string;

/** A frame whose host never answers (not opened by the SDK) starts its app all the same. */
const APP_WAITS_AT_MOST_MS = 1000;

function whenIdle(task: () => void, ms: number): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: ms });
  else setTimeout(task, ms / 10);
}

const params = readFrameParams(location.hash);
if (params) {
  drawEarlyInputs(params);
  const link = openHostLink(params.origin);
  // After the handshake, once the thread is idle: the frames of a page share one thread, so
  // every frame draws its inputs and shakes hands before any app takes the thread for a while.
  void Promise.race([link.connected, new Promise((r) => setTimeout(r, APP_WAITS_AT_MOST_MS))])
    .then(() => new Promise<void>((r) => whenIdle(r, 500)))
    .then(() => import(/* @vite-ignore */ FRAME_APP_URL) as Promise<typeof import('./app.js')>)
    .then(({ startApp }) => startApp(params, link));
} else {
  console.error(
    'pay: this page is a card field frame; it is opened by the pay.js SDK, not directly.',
  );
}
