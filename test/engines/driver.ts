// The few things the engine cases ask of a browser, implemented once per engine (chromium.ts
// over Playwright, firefox.ts over puppeteer-core and WebDriver BiDi, webkit.ts over
// webdriverio and WebKitWebDriver). Scripts are source text, not functions: tsx compiles
// functions with name helpers that do not exist in the page.

/** A key a case presses, as Playwright names it. */
export type Key = 'Tab' | 'Shift+Tab' | 'Enter';

/** A browsing context: the page or one of its frames. */
export interface Context {
  /** Evaluates `(${fn})(arg)` here and resolves with its (awaited, JSON-able) result. */
  evaluate<T>(fn: string, arg?: unknown): Promise<T>;
  /** Clicks the element `selector` finds, looking into open shadow roots. */
  click(selector: string): Promise<void>;
}

export interface Frame extends Context {
  /** Clicks the input and types `text` into it, one key down and up per character. */
  type(selector: string, text: string): Promise<void>;
}

export interface Page extends Context {
  goto(url: string): Promise<void>;
  /** The frame of the iframe `selector` finds in this page (or in `within`, a frame of it). */
  frame(selector: string, within?: Frame): Promise<Frame>;
  /** A key press wherever the focus is. */
  press(key: Key): Promise<void>;
  /** The page's URL now. */
  url(): Promise<string>;
  /** Errors and warnings the page and its frames printed; null when the driver cannot hear them. */
  consoleProblems(): string[] | null;
  /** Browser card autofill on the number input of the frame of `kind` (Chromium's CDP only). */
  autofill?(kind: string, card: AutofillCard): Promise<void>;
  close(): Promise<void>;
}

export type AutofillCard = Record<'number' | 'name' | 'expiryMonth' | 'expiryYear' | 'cvc', string>;

export interface Engine {
  name: 'chromium' | 'firefox' | 'webkit';
  /** Why a case that needs the console cannot run here; undefined when it can. */
  noConsole?: string;
  /** Why a case that needs Chromium's CDP autofill cannot run here. */
  noAutofill?: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the expression `(${fn})(arg)` an engine evaluates. */
export function call(fn: string, arg: unknown): string {
  return `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})`;
}
