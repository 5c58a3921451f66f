// WebKitGTK through webdriverio and WebKitWebDriver (classic WebDriver: no BiDi, so no console).
// Driver quirks met here: a click on an input in a shadow root reports "element click
// intercepted", so every click is a pointer press at viewport coordinates; switching into a
// frame moves keyboard focus there, so cases read focus from the page first; keys() presses all
// keys before releasing any and WebKit then drops repeated characters, so each character is its
// own key down and up.
import { remote } from 'webdriverio';
import { startWebKitDriver, webkitCapabilities } from '../browsers/webkit-driver.mjs';
import { call, type Engine, type Frame, type Key, type Page } from './driver.js';

type Browser = Awaited<ReturnType<typeof remote>>;
type ElementReference = Awaited<ReturnType<Browser['findElement']>>;

const KEYS: Record<string, string> = { Tab: '\uE004', Enter: '\uE007', Shift: '\uE008' };

/** Finds `selector` in the document or any open shadow root under it. */
const FIND = `(selector) => {
  const find = (root) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const element of root.querySelectorAll('*')) {
      const inner = element.shadowRoot && find(element.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  return find(document);
}`;

/** Scrolls the element into view; its centre, or its border-box origin, in the viewport. */
const POINT = `(args) => {
  const element = (${FIND})(args.selector);
  if (!element) return null;
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const r = element.getBoundingClientRect();
  return args.origin
    ? { x: r.left + element.clientLeft, y: r.top + element.clientTop }
    : { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}`;

/** The centres of every input and button of a frame document (its own viewport). */
const INPUTS = `() => {
  const found = {};
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.id && (element.localName === 'input' || element.localName === 'button')) {
        const r = element.getBoundingClientRect();
        found[element.localName + '#' + element.id] = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return found;
}`;

function until<T>(what: string, attempt: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  const again = async (): Promise<T> => {
    const value = await attempt().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
    return again();
  };
  return again();
}

function keyActions(values: string[]) {
  return [
    {
      type: 'key',
      id: 'keyboard',
      actions: [
        ...values.map((value) => ({ type: 'keyDown', value })),
        ...values.reverse().map((value) => ({ type: 'keyUp', value })),
      ],
    },
  ];
}

function session(browser: Browser) {
  /**
   * Where the inputs of each frame are, measured the first time the frame is asked for: entering
   * a frame moves the focus there without a blur where it was (driver quirk), so a click on a
   * field must not enter its frame after the customer has focused another one.
   */
  const inputs = new Map<string, Record<string, { x: number; y: number }>>();
  /** The context commands go to now, as iframe selectors from the top. */
  let current: string[] = [];
  /**
   * Enters the frame each selector names, from the top; [] is the page. Only when not there
   * already: any frame switch, to the top too, moves the keyboard focus (driver quirk).
   */
  async function enter(path: string[]) {
    if (path.join(' >> ') === current.join(' >> ')) return;
    current = [];
    await browser.switchToFrame(null);
    for (const selector of path) {
      const element: ElementReference = await until(selector, () =>
        browser.findElement('css selector', selector).then((e) => ('error' in e ? null : e)),
      );
      await browser.switchToFrame(element as never);
    }
    current = path;
  }
  async function evaluate<T>(path: string[], fn: string, arg?: unknown): Promise<T> {
    try {
      await enter(path);
      return (await browser.executeScript(`return ${call(fn, arg)}`, [])) as T;
    } finally {
      await enter([]);
    }
  }
  async function measure(path: string[]) {
    const key = path.join(' >> ');
    const known = inputs.get(key);
    if (known) return known;
    const found = await evaluate<Record<string, { x: number; y: number }>>(path, INPUTS);
    // Not drawn yet: measured again next time.
    if (Object.keys(found).length > 0) inputs.set(key, found);
    return found;
  }
  async function click(path: string[], selector: string) {
    const known = path.length > 0 ? (await measure(path))[selector] : undefined;
    let point =
      known ??
      (await until(selector, () =>
        evaluate<{ x: number; y: number } | null>(path, POINT, { selector }),
      ));
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const origin = await evaluate<{ x: number; y: number }>(path.slice(0, depth), POINT, {
        selector: path[depth],
        origin: true,
      });
      point = { x: point.x + origin.x, y: point.y + origin.y };
    }
    await browser.performActions([
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          {
            type: 'pointerMove',
            duration: 0,
            origin: 'viewport',
            x: Math.round(point.x),
            y: Math.round(point.y),
          },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ]);
    await browser.releaseActions();
  }
  async function keys(values: string[]) {
    await browser.performActions(keyActions(values));
    await browser.releaseActions();
  }
  function frame(path: string[]): Frame & { path: string[] } {
    return {
      path,
      evaluate: (fn, arg) => evaluate(path, fn, arg),
      click: (selector) => click(path, selector),
      async type(selector, text) {
        await click(path, selector);
        for (const character of text) await keys([character]);
      },
    };
  }
  // A navigation puts the driver back in the top context.
  const forget = () => {
    inputs.clear();
    current = [];
  };
  return { evaluate, click, keys, frame, measure, forget };
}

export async function launchWebKit(): Promise<Engine> {
  // wdio suggests switchFrame for switchToFrame, but switchFrame needs BiDi, which this driver lacks.
  process.env.DISABLE_WEBDRIVERIO_DEPRECATION_WARNINGS = 'true';
  const driver = await startWebKitDriver();
  const browser = await remote({
    hostname: driver.hostname,
    port: driver.port,
    path: '/',
    capabilities: webkitCapabilities as never,
    logLevel: 'error',
  });
  const { evaluate, click, keys, frame, measure, forget } = session(browser);
  return {
    name: 'webkit',
    noConsole:
      'WebKitWebDriver speaks classic WebDriver only, no BiDi: console messages never reach the driver',
    noAutofill: 'card autofill is triggered over CDP, which only Chromium has',
    async newPage(): Promise<Page> {
      // A fresh document in the one window: in a tab opened by New Window, pointer actions
      // never complete (driver quirk), so the page is about:blank between cases instead.
      await browser.navigateTo('about:blank');
      return {
        evaluate: (fn, arg) => evaluate([], fn, arg),
        click: (selector) => click([], selector),
        async goto(url) {
          forget();
          await browser.navigateTo(url);
        },
        async frame(selector, within) {
          const path = [
            ...((within as ReturnType<typeof frame> | undefined)?.path ?? []),
            selector,
          ];
          await until(selector, () =>
            evaluate<boolean>(
              path.slice(0, -1),
              `(s) => !!document.querySelector(s)`,
              selector,
            ).then((found) => found || null),
          );
          await measure(path);
          return frame(path);
        },
        press: (key: Key) => keys(key === 'Shift+Tab' ? [KEYS.Shift!, KEYS.Tab!] : [KEYS[key]!]),
        url: () => browser.getUrl(),
        consoleProblems: () => null,
        close: () => browser.navigateTo('about:blank').then(() => undefined),
      };
    },
    async close() {
      await browser.deleteSession().catch(() => undefined);
      driver.stop();
    },
  };
}
