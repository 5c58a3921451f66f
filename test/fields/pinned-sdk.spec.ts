// A merchant page that pins the SDK release (/sdk/v<version>/pay.js) with Subresource
// Integrity, hashes taken from the gateway's integrity.json at test time: the fields load and
// tokenize with the right hashes, and the browser refuses pay.js, or the 3-D Secure chunk
// handleNextAction loads, when a hash is wrong.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, type Page } from '@playwright/test';
import { GATEWAY } from './servers.js';

const PAGES = new URL('./pages/', import.meta.url);
const { version } = JSON.parse(
  readFileSync(new URL('../../packages/host/package.json', import.meta.url), 'utf8'),
) as { version: string };
const RELEASE = `${GATEWAY}/sdk/v${version}/`;
/** A well-formed hash of other bytes. */
const WRONG = `sha384-${'A'.repeat(64)}`;

interface Release {
  version: string;
  files: Record<string, string>;
}

/** What pages/record.js adds to the page. */
interface Recorded {
  payEvents: { type: string; target: string }[];
  tokenizeGroup(id: string): Promise<{ ok: boolean; result?: { token: string } }>;
}

let release: Release;
let chunk: string;
let host: Server;
let hostUrl: string;

/**
 * The merchant page, with the hashes put in as a merchant pastes them. Served from its own
 * origin by this test (host-server.mjs fills only %GATEWAY% and %KEY%); a page fulfilled
 * through page.route would have no address space, and Chromium's local network access checks
 * would then block the gateway on localhost.
 */
async function servePage(url: URL): Promise<string> {
  const pay = url.searchParams.get('pay') === 'wrong' ? WRONG : release.files['pay.js'];
  const chunkHash = url.searchParams.get('chunk') === 'wrong' ? WRONG : release.files[chunk];
  return (await readFile(new URL('pinned-sdk.html', PAGES), 'utf8'))
    .replaceAll('%GATEWAY%', GATEWAY)
    .replaceAll('%KEY%', 'pk_test_fields')
    .replaceAll('%VERSION%', version)
    .replaceAll('%CHUNK%', chunk)
    .replaceAll('%CHUNK_INTEGRITY%', String(chunkHash))
    .replaceAll('%PAY_INTEGRITY%', String(pay));
}

test.beforeAll(async () => {
  const answer = await fetch(`${RELEASE}integrity.json`);
  expect(answer.status).toBe(200);
  release = (await answer.json()) as Release;
  expect(release.version).toBe(version);
  chunk = Object.keys(release.files).find((name) => name.startsWith('three-d-secure-')) ?? '';
  expect(chunk).not.toBe('');

  host = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const page =
      url.pathname === '/record.js'
        ? readFile(new URL('record.js', PAGES), 'utf8')
        : url.pathname === '/pinned-sdk.html'
          ? servePage(url)
          : Promise.reject(new Error('not found'));
    page.then(
      (text) => {
        const js = url.pathname.endsWith('.js');
        response.setHeader('content-type', js ? 'text/javascript' : 'text/html; charset=utf-8');
        response.end(text);
      },
      () => {
        response.statusCode = 404;
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** Console lines of SRI failures ("Failed to find a valid digest…"), as Chromium reports them. */
function integrityErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (/integrity/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

const groupReady = (page: Page) =>
  page.waitForFunction(() =>
    (window as unknown as Recorded).payEvents.some(
      (e) => e.type === 'pay-ready' && e.target === 'group',
    ),
  );

async function fill(page: Page, field: string, text: string): Promise<void> {
  const input = page.frameLocator(`#${field} > iframe`).locator(`input#${field}`);
  await input.click();
  await input.pressSequentially(text);
}

/** handleNextAction of the pinned pay.js (the module instance the page loaded), as a result. */
const nextAction = (page: Page) =>
  page.evaluate(async (url) => {
    const sdk = (await import(url)) as {
      handleNextAction(payment: object): Promise<{ status: string }>;
    };
    return sdk.handleNextAction({ id: 'pay_pinned', status: 'completed' }).then(
      (result) => ({ ok: true, status: result.status, message: '' }),
      (error: Error) => ({ ok: false, status: '', message: error.message }),
    );
  }, `${RELEASE}pay.js`);

test('a page pinning the SDK with its integrity shows the fields and tokenizes a card', async ({
  page,
}) => {
  const errors = integrityErrors(page);
  const sdk = page.waitForResponse(`${RELEASE}pay.js`);
  await page.goto(`${hostUrl}/pinned-sdk.html`);
  expect((await sdk).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  await groupReady(page);
  await fill(page, 'number', '4242424242424242');
  await fill(page, 'expiry', '1234');
  await fill(page, 'cvc', '123');
  const outcome = await page.evaluate(() => (window as unknown as Recorded).tokenizeGroup('group'));
  expect(outcome.ok && outcome.result?.token).toMatch(/^tok_/);

  // The chunk loads from the release directory and matches its hash.
  const chunkAnswer = page.waitForResponse(`${RELEASE}${chunk}`);
  expect(await nextAction(page)).toEqual({ ok: true, status: 'completed', message: '' });
  expect((await chunkAnswer).status()).toBe(200);
  expect(errors).toEqual([]);
});

test('a wrong pay.js hash: the browser runs no SDK and no field loads', async ({ page }) => {
  const errors = integrityErrors(page);
  const sdk = page.waitForResponse(`${RELEASE}pay.js`);
  await page.goto(`${hostUrl}/pinned-sdk.html?pay=wrong`);
  // The bytes did arrive, intact: it is the hash check that refuses them.
  expect((await sdk).status()).toBe(200);
  await expect.poll(() => errors.join('\n')).toContain(`${RELEASE}pay.js`);
  await page.waitForLoadState('load');
  expect(await page.evaluate(() => customElements.get('pay-card-fields'))).toBeUndefined();
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as Recorded).payEvents)).toEqual([]);
});

test('a wrong chunk hash in the import map: handleNextAction cannot load its chunk', async ({
  page,
}) => {
  const errors = integrityErrors(page);
  await page.goto(`${hostUrl}/pinned-sdk.html?chunk=wrong`);
  // pay.js itself is intact: the fields work.
  await groupReady(page);
  const outcome = await nextAction(page);
  expect(outcome).toMatchObject({ ok: false });
  expect(outcome.message).toContain(`${RELEASE}${chunk}`);
  expect(errors.join('\n')).toContain(`${RELEASE}${chunk}`);
});
