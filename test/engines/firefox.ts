// Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright cannot drive Debian's
// Firefox). `pierce/` selectors reach into the frame app's shadow root.
import puppeteer, { type Frame as PpFrame, type Page as PpPage } from 'puppeteer-core';
import { call, type Engine, type Frame, type Key, type Page } from './driver.js';

function context(target: PpPage | PpFrame) {
  return {
    evaluate: <T>(fn: string, arg?: unknown) => target.evaluate(call(fn, arg)) as Promise<T>,
    async click(selector: string) {
      const element = await target.waitForSelector(`pierce/${selector}`);
      await element!.click();
    },
  };
}

function frameOf(page: PpPage, target: PpFrame): Frame & { target: PpFrame } {
  const base = context(target);
  return {
    target,
    ...base,
    async type(selector, text) {
      await base.click(selector);
      for (const character of text) await page.keyboard.press(character as never);
    },
  };
}

export async function launchFirefox(): Promise<Engine> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
  });
  return {
    name: 'firefox',
    noAutofill: 'card autofill is triggered over CDP, which only Chromium has',
    async newPage(): Promise<Page> {
      const page = await browser.newPage();
      const problems: string[] = [];
      // BiDi's log events come from the frames too.
      page.on('console', (message) => {
        const type = message.type() as string;
        if (type === 'error' || type === 'warn' || type === 'warning') {
          problems.push(`${type}: ${message.text()} (${message.location().url ?? ''})`);
        }
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
      return {
        ...context(page),
        goto: async (url) => void (await page.goto(url)),
        async frame(selector, within) {
          const parent = within ? (within as ReturnType<typeof frameOf>).target : page.mainFrame();
          const element = await parent.waitForSelector(selector);
          const frame = await element!.contentFrame();
          if (!frame) throw new Error(`${selector} has no frame`);
          return frameOf(page, frame);
        },
        async press(key: Key) {
          if (key === 'Shift+Tab') {
            await page.keyboard.down('Shift');
            await page.keyboard.press('Tab');
            await page.keyboard.up('Shift');
          } else {
            await page.keyboard.press(key);
          }
        },
        url: async () => page.url(),
        consoleProblems: () => problems,
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}
