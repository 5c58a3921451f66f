/**
 * The field frame's app chunk, loaded by the entry script once the frame has said hello and its
 * thread is idle. Lit's hydration support comes first, before Lit defines its elements: the
 * `<pay-card-form>` the document was served with is hydrated, not drawn again.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { FrameApp, type AppStart } from './frame-app.js';

export function startApp(start: AppStart): Promise<void> {
  return new FrameApp(start).start();
}
