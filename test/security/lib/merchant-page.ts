// The merchant page the card-data families type into: the SDK's fields on a plain form, how
// to reach their inputs, type a test card and tokenize; and what in a text counts as a leak.
import type { Frame, FrameLocator, Page } from '@playwright/test';
import { EXP_MONTH, EXP_YEAR, type TestCard } from './test-cards.js';

export type Layout = 'split' | 'card';

export function merchantPage(
  gatewayUrl: string,
  publishableKey: string,
  layout: Layout,
  extra = '',
  groupAttributes = '',
): string {
  const fields =
    layout === 'split'
      ? '<label for="num">Card number</label><pay-card-number id="num"></pay-card-number><pay-card-expiry></pay-card-expiry><pay-card-cvc></pay-card-cvc><pay-cardholder-name></pay-cardholder-name>'
      : '<pay-card></pay-card>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant</title>
<script type="module" src="${gatewayUrl}/sdk/v1/pay.js"></script></head>
<body><form id="checkout" action="/checkout" method="post">
<input type="hidden" name="order" value="ord_1">
<pay-card-fields id="group" publishable-key="${publishableKey}" name="card_token"${groupAttributes ? ` ${groupAttributes}` : ''}>${fields}</pay-card-fields>
<button id="pay">Pay</button></form>${extra}</body></html>`;
}

/** Where a card's inputs are, for a layout. */
export function inputsOf(
  page: Page,
  layout: Layout,
): Record<'number' | 'expiry' | 'cvc' | 'name', ReturnType<FrameLocator['locator']>> {
  if (layout === 'card') {
    const f = page.frameLocator('pay-card iframe');
    return {
      number: f.locator('input[autocomplete="cc-number"]'),
      expiry: f.locator('input[autocomplete="cc-exp"]'),
      cvc: f.locator('input[autocomplete="cc-csc"]'),
      name: f.locator('input[autocomplete="cc-name"]'),
    };
  }
  return {
    number: page.frameLocator('pay-card-number iframe').locator('input'),
    expiry: page.frameLocator('pay-card-expiry iframe').locator('input'),
    cvc: page.frameLocator('pay-card-cvc iframe').locator('input'),
    name: page.frameLocator('pay-cardholder-name iframe').locator('input'),
  };
}

export async function typeCard(page: Page, layout: Layout, card: TestCard): Promise<void> {
  const inputs = inputsOf(page, layout);
  await inputs.number.pressSequentially(card.number, { timeout: 20_000 });
  await inputs.expiry.pressSequentially(
    `${String(EXP_MONTH).padStart(2, '0')}${String(EXP_YEAR).slice(-2)}`,
  );
  await inputs.cvc.pressSequentially(card.cvc);
  if ((await inputs.name.count()) > 0) await inputs.name.pressSequentially('Sec Tester');
}

/** What in `text` is the card's number (any spacing) or its CVC (as a whole number). */
export function leakIn(text: string, card: TestCard): string | undefined {
  const digits = text.replace(/(\d)[\s\-./]+(?=\d)/g, '$1');
  if (digits.includes(card.number)) return 'the full card number';
  // Longer than bin + last4 could explain: the first or last 11 digits.
  if (digits.includes(card.number.slice(0, 11)) || digits.includes(card.number.slice(-11)))
    return 'most of the card number';
  // The CVC as a number of its own (not inside an id, a time or a longer number).
  if (new RegExp(`(?<![0-9A-Za-z.:_+-])${card.cvc}(?![0-9A-Za-z])`).test(text))
    return `the CVC ${card.cvc}`;
  return undefined;
}

export async function framesReady(page: Page, layout: Layout): Promise<void> {
  await inputsOf(page, layout).number.waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction(() => customElements.get('pay-card-fields') !== undefined);
}

export interface TokenizeAnswer {
  ok: boolean;
  token?: string;
  bin?: string;
  last4?: string;
  brand?: string;
  code?: string;
}

export async function tokenizeIn(page: Page): Promise<TokenizeAnswer> {
  return page.evaluate(async () => {
    const group = document.getElementById('group') as HTMLElement & {
      tokenize(): Promise<{ token: string; card: { bin: string; last4: string; brand: string } }>;
    };
    try {
      const r = await group.tokenize();
      const { bin, last4, brand } = r.card;
      return { ok: true, token: r.token, bin, last4, brand };
    } catch (e) {
      return { ok: false, code: (e as { code?: string }).code };
    }
  });
}

/** The frame inside a field element (`number`, `expiry`, `cvc`) of a page, once it is there. */
export async function frameOf(page: Page, kind: string): Promise<Frame> {
  await page.locator(`pay-card-${kind} iframe`).first().waitFor();
  const handle = await page.locator(`pay-card-${kind} iframe`).first().elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no ${kind} frame`);
  return frame;
}
