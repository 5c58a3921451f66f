// What the React and Vue wrapper tests share: the page's console, its window `message`
// listeners, typing into the frames and counting them. The fixture apps give every field an id
// of its kind (#number, #expiry, #cvc, #name).
import { expect, type Page } from '@playwright/test';
import { GATEWAY } from './servers.js';
import { typeInto, watchConsole } from './steps.js';

export { typeInto, watchConsole };

export { GATEWAY, HOST } from './servers.js';
export const FIELDS = ['number', 'expiry', 'cvc', 'name'];

/** The page's window `message` listeners, as DevTools lists them. */
export async function messageListeners(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
    objectId: result.objectId!,
  });
  await cdp.detach();
  return listeners.filter((listener) => listener.type === 'message').length;
}

/** A test card that tokenizes: number, expiry, CVC (and the name, with `name`). */
export async function fillCard(page: Page, name?: string) {
  await typeInto(page, 'number', '4242424242424242');
  await typeInto(page, 'expiry', '1234');
  await typeInto(page, 'cvc', '123');
  if (name) await typeInto(page, 'name', name);
}

export async function expectOneFramePerField(page: Page) {
  for (const field of FIELDS) {
    const frames = page.locator(`#${field} iframe`);
    await expect(frames).toHaveCount(1);
    expect(new URL((await frames.getAttribute('src'))!).origin).toBe(GATEWAY);
  }
  await expect(page.locator('iframe')).toHaveCount(FIELDS.length);
}

/**
 * Leaves a field and waits for it to show its error. The error grows the frame, and so moves
 * what is below it: a click that starts before and ends after that is no click at all.
 */
export async function leaveInvalid(page: Page, field: string) {
  // The bottom right corner of the page: blank in the fixture apps.
  const { width, height } = page.viewportSize()!;
  await page.mouse.click(width - 5, height - 5);
  await expect(page.locator(`#${field}:state(invalid)`)).toHaveCount(1);
}
