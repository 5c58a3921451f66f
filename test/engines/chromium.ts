// Chromium through Playwright: Debian's /usr/bin/chromium, as test/fields runs it.
import { chromium, type Frame as PwFrame, type Page as PwPage } from '@playwright/test';
import { call, type Engine, type Frame, type Key, type Page } from './driver.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/chromium.js';

function context(target: PwPage | PwFrame) {
  return {
    evaluate: <T>(fn: string, arg?: unknown) => target.evaluate(call(fn, arg)) as Promise<T>,
    click: (selector: string) => target.locator(selector).click(),
  };
}

function frameOf(target: PwFrame): Frame & { target: PwFrame } {
  return {
    target,
    ...context(target),
    async type(selector, text) {
      const input = target.locator(selector);
      await input.click();
      await input.pressSequentially(text);
    },
  };
}

export async function launchChromium(): Promise<Engine> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  return {
    name: 'chromium',
    async newPage(): Promise<Page> {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
        }
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      return {
        ...context(page),
        goto: async (url) => void (await page.goto(url)),
        async frame(selector, within) {
          const parent = within ? (within as ReturnType<typeof frameOf>).target : page.mainFrame();
          const element = await parent.waitForSelector(selector);
          const frame = await element.contentFrame();
          if (!frame) throw new Error(`${selector} has no frame`);
          return frameOf(frame);
        },
        press: (key: Key) => page.keyboard.press(key),
        url: async () => page.url(),
        consoleProblems: () => problems,
        async autofill(kind, card) {
          // As fields.spec.ts triggers it: Autofill.trigger on the input's backend node.
          const frame = page
            .frames()
            .find((f) => f.url().includes('/frame/v1/') && f.url().includes(`/${kind}.html`));
          if (!frame) throw new Error(`no ${kind} frame`);
          const session = await page.context().newCDPSession(frame);
          const { frameTree } = await session.send('Page.getFrameTree');
          const { result } = await session.send('Runtime.evaluate', {
            expression:
              "document.querySelector('pay-card-form').shadowRoot.querySelector('#number')",
          });
          const { node } = await session.send('DOM.describeNode', { objectId: result.objectId });
          await session.send('Autofill.trigger', {
            fieldId: node.backendNodeId,
            frameId: frameTree.frame.id,
            card,
          });
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}
