// Slower CPUs for the browser tests and the bench: Chromium's DevTools throttling, applied to
// every renderer a page uses (its own, and each frame's when it runs in a process of its own).
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/**
 * Slows every renderer of `page` by `rate` (the CPU profile of a mid-range phone is 4): the page
 * before it navigates (DevTools keeps the setting across the process swap), and each frame in a
 * process of its own before its first script runs (it is held at its start until throttled).
 */
export async function throttleCpu(
  context: BrowserContext,
  page: Page,
  rate: number,
): Promise<CDPSession> {
  const session = await context.newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate });
  let id = 0;
  session.on('Target.attachedToTarget', (event) => {
    const { sessionId } = event;
    const send = (method: string, params: object = {}) =>
      session
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: ++id, method, params }),
        })
        .catch(() => {});
    void send('Emulation.setCPUThrottlingRate', { rate }).then(() =>
      send('Runtime.runIfWaitingForDebugger'),
    );
  });
  // Not flattened: this session's own children, held until the message above releases them.
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: false,
  });
  return session;
}
