// What a shopper does in a field, for every Playwright suite of test/fields: one way to reach a
// field's frame and type into it.
import type { FrameLocator, Page } from '@playwright/test';

/** The frame of the field element `#field` (its iframe is the element's child). */
export function frameOf(page: Page, field: string): FrameLocator {
  return page.frameLocator(`#${field} > iframe`);
}

/** Clicks the `part` input (the field's own part by default) of `#field` and types `text`. */
export async function typeInto(page: Page, field: string, text: string, part = field) {
  const input = frameOf(page, field).locator(`input#${part}`);
  await input.click();
  await input.pressSequentially(text);
}

/** Requests held back by `holdBack`, and the way to let them go. */
export interface HeldRequests {
  /** How many requests were held so far. */
  readonly count: number;
  /** Lets every held request (and every later one) through. */
  release(): void;
}

/**
 * Holds back the page's requests for `url` (a glob, as `page.route` takes) until `release()`:
 * a chunk arriving late, as on a slow network.
 */
export async function holdBack(page: Page, url: string): Promise<HeldRequests> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let count = 0;
  await page.route(url, async (route) => {
    count++;
    await released;
    await route.continue();
  });
  return {
    get count() {
      return count;
    },
    release,
  };
}

/** Collects what the page and its frames print as errors or warnings. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}
