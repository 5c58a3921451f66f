// What the host element tests share: the elements defined, a group built from attributes, and
// a fresh container per test with console.error captured. No gateway answers: the frames'
// iframes point at a closed port, and nothing here needs them.
import { define, type PayCardFieldsElement } from '../src/index.js';
import { scratchContainer } from './scratch-container.js';

define();

export const GATEWAY = 'http://127.0.0.1:9';

/** Builds `<pay-card-fields>` with `attributes` and the given fields (not yet in the page). */
export function group(
  attributes: Record<string, string>,
  ...fields: string[]
): PayCardFieldsElement {
  const element = document.createElement('pay-card-fields');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const tag of fields) element.append(document.createElement(tag));
  return element;
}

export const frames = (element: Element) => element.querySelectorAll('iframe');

export const container = scratchContainer();

/** What the SDK printed with console.error during the current test. */
export const logged: string[] = [];
let consoleError: typeof console.error;
beforeEach(() => {
  logged.length = 0;
  consoleError = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.join(' '));
});
afterEach(() => {
  console.error = consoleError;
});
