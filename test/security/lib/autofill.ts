// Chromium's card autofill over CDP, as a customer picking a saved card would start it.
import type { Frame, Page } from '@playwright/test';
import { EXP_MONTH, EXP_YEAR, type TestCard } from './test-cards.js';

/** Triggers card autofill on the number input of `frame` (a gateway field frame). */
export async function autofillFrom(page: Page, frame: Frame, card: TestCard): Promise<void> {
  const session = await page.context().newCDPSession(frame);
  try {
    const { frameTree } = await session.send('Page.getFrameTree');
    const { result } = await session.send('Runtime.evaluate', {
      expression:
        "document.querySelector('pay-card-form').shadowRoot.querySelector('input[autocomplete=cc-number]')",
    });
    const { node } = await session.send('DOM.describeNode', { objectId: result.objectId! });
    await session.send('Autofill.trigger', {
      fieldId: node.backendNodeId,
      frameId: frameTree.frame.id,
      card: {
        number: card.number,
        name: 'Sec Tester',
        expiryMonth: String(EXP_MONTH).padStart(2, '0'),
        expiryYear: String(EXP_YEAR),
        cvc: card.cvc,
      },
    });
  } finally {
    await session.detach().catch(() => {});
  }
}

/** Every value held by the inputs of the gateway field frames under `parent` (any depth). */
export async function frameValues(frames: Frame[]): Promise<string[]> {
  const values: string[] = [];
  for (const frame of frames) {
    values.push(
      ...(await frame.evaluate(() =>
        [...(document.querySelector('pay-card-form')?.shadowRoot?.querySelectorAll('input') ?? [])]
          .map((input) => input.value)
          .filter(Boolean),
      )),
    );
  }
  return values;
}
