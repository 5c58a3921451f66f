// The gateway's ready-to-paste SRI snippet (/sdk/v1/snippet.html), pasted as it is into a
// merchant page on another origin that sends the Content-Security-Policy the snippet asks
// for: the SDK loads (pay.js and, through the import map, its 3-D Secure chunk) with no CSP
// violation; with pay.js's hash tampered, the browser refuses pay.js and the page shows the
// signal the guide documents (its `data-pay-unavailable` message, `data-pay-sdk="blocked"`,
// the console lines).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, type Page } from '@playwright/test';
import { GATEWAY } from './servers.js';

/** A well-formed hash of other bytes. */
const WRONG = `sha384-${'A'.repeat(64)}`;

let snippet: string;
let scriptSrc: string;
let payUrl: string;
let host: Server;
let hostUrl: string;

/** The merchant's page: the snippet in <head>, its message for a blocked SDK, the fields. */
function merchantPage(head: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Pasted snippet</title>
${head}
</head>
<body>
<p id="unavailable" data-pay-unavailable hidden>Card payment is unavailable right now.</p>
<pay-card-fields id="group" publishable-key="pk_test_fields">
<pay-card-number id="number"></pay-card-number>
</pay-card-fields>
</body>
</html>`;
}

test.beforeAll(async () => {
  const current = await fetch(`${GATEWAY}/sdk/v1/snippet.html`);
  expect(current.status).toBe(200);
  snippet = await current.text();
  // The sources the snippet's comment asks for, as a merchant copies them.
  scriptSrc = /script-src (.*?) \(with your own sources\)/.exec(snippet)?.[1] ?? '';
  expect(scriptSrc).toContain(`${GATEWAY}/sdk/v`);
  payUrl = /<script type="module" id="pay-sdk" src="([^"]+)"/.exec(snippet)?.[1] ?? '';
  expect(payUrl).toMatch(/\/sdk\/v\d+\.\d+\.\d+[^/]*\/pay\.js$/);

  host = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/checkout.html') {
      response.statusCode = 404;
      response.end();
      return;
    }
    // Tampered: one hash changed in the pasted text, as a wrong copy or an altered file would.
    const integrity = /integrity="(sha384-[^"]+)" crossorigin/.exec(snippet)?.[1] ?? '';
    const head =
      url.searchParams.get('pay') === 'wrong'
        ? snippet.replace(`integrity="${integrity}"`, `integrity="${WRONG}"`)
        : snippet;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    // The guide's page CSP, its script-src the snippet's.
    response.setHeader(
      'content-security-policy',
      `default-src 'self'; script-src 'self' ${scriptSrc}; frame-src ${GATEWAY}; ` +
        "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; " +
        "object-src 'none'",
    );
    response.end(merchantPage(head));
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  expect(new URL(hostUrl).origin).not.toBe(new URL(GATEWAY).origin);
});

test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

function consoleLines(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(message.text()));
  return lines;
}

const cspViolations = (lines: string[]) => lines.filter((l) => /Content Security Policy/i.test(l));

test('the snippet pasted as served loads the SDK and its 3-D Secure chunk under its CSP', async ({
  page,
}) => {
  const lines = consoleLines(page);
  await page.goto(`${hostUrl}/checkout.html`);
  await expect
    .poll(() => page.evaluate(() => customElements.get('pay-card-number') !== undefined))
    .toBe(true);
  await expect(page.locator('#number > iframe')).toHaveCount(1);
  await expect(page.locator('#unavailable')).toBeHidden();
  expect(await page.locator('html').getAttribute('data-pay-sdk')).toBeNull();

  // The chunk loads through import() with the import map's hash: intact, it runs.
  const outcome = await page.evaluate(async (url) => {
    const sdk = (await import(url)) as {
      handleNextAction(payment: object): Promise<{ status: string }>;
    };
    return sdk.handleNextAction({ id: 'pay_snippet', status: 'completed' }).then(
      (result) => result.status,
      (error: Error) => `rejected: ${error.message}`,
    );
  }, payUrl);
  expect(outcome).toBe('completed');
  expect(cspViolations(lines)).toEqual([]);
  expect(lines.filter((l) => /integrity|refused pay\.js/i.test(l))).toEqual([]);
});

test("a tampered pay.js hash: the browser refuses it and the page shows the guide's signal", async ({
  page,
}) => {
  const lines = consoleLines(page);
  await page.goto(`${hostUrl}/checkout.html?pay=wrong`);
  // The merchant's message, hidden until then, is shown; the page is marked for its CSS.
  await expect(page.locator('#unavailable')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-pay-sdk', 'blocked');
  // The browser's own line names pay.js; the snippet's says what it means.
  expect(lines.some((l) => /integrity/i.test(l) && l.includes(payUrl))).toBe(true);
  expect(lines).toContain(
    '@pay/host: the browser refused pay.js (integrity or network): the card fields cannot load',
  );
  expect(await page.evaluate(() => customElements.get('pay-card-number'))).toBeUndefined();
  await expect(page.locator('iframe')).toHaveCount(0);
  // The signal itself runs under the page's CSP: nothing was blocked but pay.js.
  expect(cspViolations(lines)).toEqual([]);
});
