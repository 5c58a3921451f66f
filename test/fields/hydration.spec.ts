// When `defer-hydration` matters for raw tags (packages/host/README.md, "Server rendering"):
// a server renders `<pay-card-fields>` with its fields, the gateway's pay.js defines the tags,
// and a framework hydrates the markup. What a framework does to the elements is what counts,
// so each case is the DOM work a hydrating framework does, in the order it does it, on the real
// SDK and the real gateway's frames across two origins:
// - hydration rewrites an attribute the frame shows (the client's locale and label differ from
//   the server's): without `defer-hydration` the field makes its iframe from the server's
//   values as soon as pay.js defines the tag, and the frame is configured again once it loads;
//   with it, the one frame is made from the hydrated values;
// - hydration keeps the served attributes (writing the same values again, as Svelte 5 does for
//   a dynamic attribute) and leaves the field's children alone: no difference;
// - the tags are defined only after hydration (pay.js imported once the page has hydrated): no
//   difference either, the field waits for its definition anyway.
import { test, expect, type Page } from '@playwright/test';
import { GATEWAY, HOST } from './servers.js';
import { frameOf } from './steps.js';

interface Case {
  /** The served markup carries `defer-hydration`; the hydrating code removes it. */
  deferHydration: boolean;
  /** The attribute values hydration writes: the client's, or the server's again. */
  hydrated: { locale: string; label: string };
  /** pay.js defines the tags before hydration (in the head), or after it. */
  sdk: 'before' | 'after';
}

const SERVED = { locale: 'en', label: 'Card number' };
const CLIENT = { locale: 'de', label: 'Kartennummer' };

/** The page as the server renders it, and the script standing for the framework's hydration. */
function page(name: string, { deferHydration, hydrated, sdk }: Case): string {
  const sdkTag = `<script type="module" src="${GATEWAY}/sdk/v1/pay.js"></script>`;
  const hydrate = `
    const group = document.getElementById('group');
    const field = document.getElementById('number');
    ${sdk === 'before' ? "await customElements.whenDefined('pay-card-number');" : ''}
    group.setAttribute('locale', ${JSON.stringify(hydrated.locale)});
    field.setAttribute('label', ${JSON.stringify(hydrated.label)});
    field.removeAttribute('defer-hydration');
    window.hydrated = true;
    ${sdk === 'after' ? `await import(${JSON.stringify(`${GATEWAY}/sdk/v1/pay.js`)});` : ''}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
    <script src="/record.js"></script>${sdk === 'before' ? sdkTag : ''}</head><body>
    <pay-card-fields id="group" publishable-key="pk_test_fields" locale="${SERVED.locale}">
      <pay-card-number id="number" label="${SERVED.label}"${deferHydration ? ' defer-hydration' : ''}></pay-card-number>
    </pay-card-fields>
    <script type="module">${hydrate}</script></body></html>`;
}

/** What it cost to show the field: the frame documents loaded and the configure calls sent. */
interface Cost {
  documents: string[];
  configureCalls: number;
}

async function load(browserPage: Page, name: string, setup: Case): Promise<Cost> {
  const stored = await browserPage.request.put(`${HOST}/stash/${name}.html`, {
    data: page(name, setup),
  });
  expect(stored.status()).toBe(204);
  const documents: string[] = [];
  browserPage.on('request', (request) => {
    const url = new URL(request.url());
    if (request.resourceType() === 'document' && url.pathname.startsWith('/frame/v1/'))
      documents.push(url.pathname);
  });
  // The host's calls to its frames go over the MessagePort each frame hands over: count the
  // page's `configure` calls (only the page's: the frames answer over the same ports).
  await browserPage.addInitScript(() => {
    if (window !== window.top) return;
    const w = window as unknown as { configureCalls: number };
    w.configureCalls = 0;
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) {
      const message = args[0] as { method?: unknown } | null;
      if (message?.method === 'configure') w.configureCalls++;
      return (post as (...a: unknown[]) => void).apply(this, args);
    };
  });
  await browserPage.goto(`${HOST}/stash/${name}.html`);
  // Ready means the frame shows the page's configuration: every configure call is made by then.
  await browserPage.waitForFunction(
    () =>
      (window as unknown as { hydrated?: boolean; payEvents: { type: string; target: string }[] })
        .hydrated === true &&
      (window as unknown as { payEvents: { type: string; target: string }[] }).payEvents.some(
        (e) => e.type === 'pay-ready' && e.target === 'group',
      ),
    undefined,
    { timeout: 60_000 },
  );
  // Either way the frame ends up as hydration left the attributes.
  const input = frameOf(browserPage, 'number').locator('input#number');
  await expect(input).toHaveAttribute('aria-label', setup.hydrated.label);
  await expect(frameOf(browserPage, 'number').locator('html')).toHaveAttribute(
    'lang',
    setup.hydrated.locale,
  );
  await expect(browserPage.locator('#number > iframe')).toHaveCount(1);
  const configureCalls = await browserPage.evaluate(
    () => (window as unknown as { configureCalls: number }).configureCalls,
  );
  return { documents, configureCalls };
}

test.describe('raw tags hydrated by a framework: when defer-hydration matters', () => {
  test('hydration rewrites the locale and label: without it the frame loads the server’s values and is configured again; with it, made once from the hydrated ones', async ({
    page: browserPage,
  }) => {
    const without = await load(browserPage, 'changed-without', {
      deferHydration: false,
      hydrated: CLIENT,
      sdk: 'before',
    });
    expect(without.documents).toEqual(['/frame/v1/en/number.html']);
    expect(without.configureCalls).toBeGreaterThanOrEqual(1);

    const withIt = await load(await browserPage.context().newPage(), 'changed-deferred', {
      deferHydration: true,
      hydrated: CLIENT,
      sdk: 'before',
    });
    expect(withIt.documents).toEqual(['/frame/v1/de/number.html']);
    expect(withIt.configureCalls).toBe(0);
  });

  test('hydration keeps the served attributes (written again, children left alone): no difference', async ({
    page: browserPage,
  }) => {
    for (const deferHydration of [false, true]) {
      const cost = await load(
        await browserPage.context().newPage(),
        deferHydration ? 'same-deferred' : 'same-without',
        { deferHydration, hydrated: SERVED, sdk: 'before' },
      );
      expect(cost, `defer-hydration: ${deferHydration}`).toEqual({
        documents: ['/frame/v1/en/number.html'],
        configureCalls: 0,
      });
    }
  });

  test('pay.js defines the tags only after hydration: no difference', async ({
    page: browserPage,
  }) => {
    for (const deferHydration of [false, true]) {
      const cost = await load(
        await browserPage.context().newPage(),
        deferHydration ? 'late-sdk-deferred' : 'late-sdk-without',
        { deferHydration, hydrated: CLIENT, sdk: 'after' },
      );
      expect(cost, `defer-hydration: ${deferHydration}`).toEqual({
        documents: ['/frame/v1/de/number.html'],
        configureCalls: 0,
      });
    }
  });
});
