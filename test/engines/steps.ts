// What the field cases do on a merchant page, in terms of driver.ts: open a page and wait for
// its groups, type into a field's frame, read the page's recorded pay-* events, tokenize.
import type { Frame, Page } from './driver.js';

export interface Origins {
  /** The merchant pages' origin. */
  host: string;
  gateway: string;
  /** An origin that is neither (the forger frame's). */
  third: string;
}

export interface PayEvent {
  type: string;
  target: string;
  detail: Record<string, unknown> | null;
}

export type Outcome =
  | { ok: true; result: { token: string; card: Record<string, unknown> } }
  | { ok: false; code: string; message: string };

/** Retries `read` until `done` holds of its value; resolves with that value. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean = Boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const events = (page: Page) => page.evaluate<PayEvent[]>('() => window.payEvents');

/** Loads a page of test/fields/pages and waits until each group has said pay-ready. */
export async function open(page: Page, origins: Origins, path: string, groups = ['group']) {
  await page.goto(origins.host + path);
  await waitFor(`pay-ready of ${groups.join(', ')}`, () =>
    page.evaluate<boolean>(
      `(groups) => !!window.payEvents && groups.every((g) =>
         window.payEvents.some((e) => e.type === 'pay-ready' && e.target === g))`,
      groups,
    ),
  );
  // Every field's frame, once, before anything has the focus (WebKit measures its inputs then).
  // A field is ready before its app has loaded (its document is served with the field drawn);
  // the cases drive the app, so each frame's app is waited for too (it hydrates the field).
  const fields = await page.evaluate<string[]>(
    `() => [...document.querySelectorAll('iframe')].map((f) => f.parentElement.id).filter(Boolean)`,
  );
  for (const field of fields) {
    const frame = await fieldFrame(page, field);
    await waitFor(`the app of ${field}`, () =>
      frame.evaluate<boolean>(
        `() => !!document.querySelector('pay-card-form:not([defer-hydration])')?.shadowRoot?.querySelector('input')`,
      ),
    );
  }
}

export const fieldFrame = (page: Page, field: string) => page.frame(`#${field} > iframe`);

export async function typeInto(page: Page, field: string, part: string, text: string) {
  await (await fieldFrame(page, field)).type(`input#${part}`, text);
}

/** Types a card into the split fields; waits until the blurs of the fields left have arrived. */
export async function fillSplit(
  page: Page,
  number: string,
  expiry: string,
  cvc: string,
  prefix = '',
) {
  await typeInto(page, `${prefix}number`, 'number', number);
  await typeInto(page, `${prefix}expiry`, 'expiry', expiry);
  await typeInto(page, `${prefix}cvc`, 'cvc', cvc);
  await waitFor(
    'the blurs of the fields left',
    async () => {
      const seen = (await events(page)).map((e) => e.type);
      return (
        seen.filter((t) => t === 'pay-focus').length - seen.filter((t) => t === 'pay-blur').length
      );
    },
    (open) => open === 1,
  );
}

export const tokenize = (page: Page, group = 'group') =>
  page.evaluate<Outcome>('(id) => window.tokenizeGroup(id)', group);

/** An input of the frame app (in the shadow root of pay-card-form): its property `name`. */
export const inputProperty = <T = string>(frame: Frame, part: string, name: string) =>
  frame.evaluate<T>(
    `([part, name]) => document.querySelector('pay-card-form').shadowRoot.querySelector('input#' + part)[name]`,
    [part, name],
  );

export const inputAttribute = (frame: Frame, part: string, name: string) =>
  frame.evaluate<string | null>(
    `([part, name]) => document.querySelector('pay-card-form').shadowRoot.querySelector('input#' + part).getAttribute(name)`,
    [part, name],
  );

export const inputStyle = (frame: Frame, part: string, property: string) =>
  frame.evaluate<string>(
    `([part, property]) => getComputedStyle(document.querySelector('pay-card-form').shadowRoot.querySelector('input#' + part))[property]`,
    [part, property],
  );

/**
 * `field/field` when the page's focus is in a frame and exactly one field says it has it
 * (:state(focused), from its frame's own focus events); null otherwise. Which iframe
 * `document.activeElement` names is not compared: in WebKit it stays the frame Tab left from
 * (see README). Read on the page only: entering a frame to look would move the keyboard focus
 * there in WebKitWebDriver.
 */
export const focusedInput = (page: Page) =>
  page.evaluate<string | null>(
    `() => {
      if (!(document.activeElement instanceof HTMLIFrameElement)) return null;
      const fields = [...document.querySelectorAll('[id]')].filter((f) => f.matches(':state(focused)'));
      return fields.length === 1 ? fields[0].id + '/' + fields[0].id : null;
    }`,
  );

/** The element focused on the page itself (not in a frame), as `#id` or its tag. */
export const pageFocus = (page: Page) =>
  page.evaluate<string>(
    '() => document.activeElement.id ? "#" + document.activeElement.id : document.activeElement.tagName.toLowerCase()',
  );

export const hostMatches = (page: Page, id: string, selector: string) =>
  page.evaluate<boolean>('([id, selector]) => document.getElementById(id).matches(selector)', [
    id,
    selector,
  ]);

/** Each field's input as the shopper sees it: its name, placeholder, colour, size, language. */
export async function fieldLooks(page: Page, fields: string[]): Promise<string[]> {
  const looks: string[] = [];
  for (const field of fields)
    looks.push(
      await (
        await fieldFrame(page, field)
      ).evaluate<string>(
        `() => {
          const input = document.querySelector('pay-card-form').shadowRoot.querySelector('input');
          const style = getComputedStyle(input);
          return [input.getAttribute('aria-label'), input.placeholder, style.color, style.fontSize,
            document.documentElement.lang].join(' | ');
        }`,
      ),
    );
  return looks;
}
