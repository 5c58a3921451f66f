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
