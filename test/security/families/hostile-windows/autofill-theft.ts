// Family 2, autofill: browsers fill every card field of the gateway origin in the form where
// autofill started, so a group of fields the customer is not filling (a hidden group added by a
// script, an ad's frame, a hostile page framing the checkout, a transparent look-alike) must
// drop what arrives without a keystroke. Each case ends where the attack would: the attacker's
// group asked for a token. The customer's own group must still fill from one autofill.
import type { Browser, Frame, Page } from '@playwright/test';
import type { GatewayRun } from '../../lib/gateway-process.js';
import { autofillFrom, frameValues } from '../../lib/autofill.js';
import type { Attempts } from '../../lib/results.js';
import { TEST_CARDS } from '../../lib/test-cards.js';
import { merchantPage } from '../../lib/merchant-page.js';

/** A key the gateway does not know: an attacker's account elsewhere. */
const OTHER_KEY = 'pk_test_attacker_account';

const SPLIT =
  '<pay-card-number></pay-card-number><pay-card-expiry></pay-card-expiry><pay-card-cvc></pay-card-cvc>';

/**
 * A script on the merchant page adds a group inside the checkout form: 4×4 px, or (`shown`)
 * a full-size one a customer might take for part of the checkout.
 */
function hiddenGroupScript(key: string, copyGroupId: boolean, shown = false): string {
  return `${shown ? '' : '<style>#hidden iframe{width:4px!important;height:4px!important}</style>'}
<script type="module">
await customElements.whenDefined('pay-card-fields');
const hidden = document.createElement('pay-card-fields');
hidden.id = 'hidden';
hidden.setAttribute('publishable-key', ${JSON.stringify(key)});
${copyGroupId ? "hidden.groupId = document.getElementById('group').groupId;" : ''}
${shown ? '' : "hidden.style.cssText = 'position:absolute;left:0;top:0;width:4px;height:4px;overflow:hidden';"}
hidden.innerHTML = ${JSON.stringify(SPLIT)};
document.getElementById('checkout').append(hidden);
</script>`;
}

/**
 * A skimming script: a full-size group off screen with a copied group id and the attacker's
 * key; 300 ms after the customer's number is complete (autofilled), it adds one more number
 * field to that group, whose start tells the group's frames a brand. It records what its page
 * hears from its own fields.
 */
function offScreenSkimmerScript(key: string): string {
  return `<script type="module">
await customElements.whenDefined('pay-card-fields');
const real = document.getElementById('group');
const hidden = document.createElement('pay-card-fields');
hidden.id = 'hidden';
hidden.setAttribute('publishable-key', ${JSON.stringify(key)});
hidden.groupId = real.groupId;
hidden.style.cssText = 'position:absolute;left:-3000px;top:0;width:500px';
hidden.innerHTML = ${JSON.stringify(SPLIT)};
window.attackerHeard = [];
hidden.addEventListener('pay-change', (e) => window.attackerHeard.push(e.detail));
document.getElementById('checkout').append(hidden);
let added = false;
real.querySelector('pay-card-number').addEventListener('pay-change', (e) => {
  if (!e.detail.complete || added) return;
  added = true;
  setTimeout(() => hidden.append(document.createElement('pay-card-number')), 300);
});
</script>`;
}

function sdkPage(gw: GatewayRun, title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="${gw.url}/sdk/v1/pay.js"></script></head><body>${body}</body></html>`;
}

/** The pages of these cases: on the merchant origin and on the hostile one. */
export function autofillPages(
  gw: GatewayRun,
  hostileOrigin: string,
  merchantOrigin: string,
): { merchant: Record<string, string>; hostile: Record<string, string> } {
  const pk = gw.publishableKey;
  const ownGroup = `<pay-card-fields id="hidden" publishable-key="${pk}">${SPLIT}</pay-card-fields>`;
  return {
    merchant: {
      '/autofill-hidden.html': merchantPage(gw.url, pk, 'split', hiddenGroupScript(pk, false)),
      '/autofill-rekeyed.html': merchantPage(
        gw.url,
        pk,
        'split',
        hiddenGroupScript(pk, true, true),
      ),
      '/autofill-copied.html': merchantPage(
        gw.url,
        pk,
        'split',
        hiddenGroupScript(OTHER_KEY, true),
      ),
      '/autofill-offscreen.html': merchantPage(
        gw.url,
        pk,
        'split',
        offScreenSkimmerScript(OTHER_KEY),
      ),
      '/autofill-ad.html': merchantPage(
        gw.url,
        pk,
        'split',
        `<script>document.getElementById('checkout').append(Object.assign(document.createElement('iframe'), { id: 'ad', title: 'ad', width: 500, height: 320, src: '${hostileOrigin}/ad-fields.html' }));</script>`,
      ),
      '/autofill-checkout.html': merchantPage(gw.url, pk, 'split'),
      '/autofill-transparent.html': merchantPage(
        gw.url,
        pk,
        'split',
        // The attacker's group is laid over the real one, fully transparent: a click meant for
        // the real number field lands in the attacker's.
        `<style>#hidden{position:absolute;left:8px;top:8px;width:400px;opacity:0;z-index:10}</style>${ownGroup}`,
      ),
    },
    hostile: {
      '/ad-fields.html': sdkPage(gw, 'ad', `<form>${ownGroup}</form>`),
      '/frame-checkout.html': sdkPage(
        gw,
        'framing',
        `<form><iframe id="checkout" title="checkout" width="700" height="420" src="${merchantOrigin}/autofill-checkout.html"></iframe>${ownGroup}</form>`,
      ),
    },
  };
}

/** The gateway frames of the group `groupSelector` in `scope`, once each has drawn its input. */
async function groupFrames(scope: Page | Frame, groupSelector: string): Promise<Frame[]> {
  const iframes = scope.locator(`${groupSelector} iframe`);
  await iframes.first().waitFor({ state: 'attached', timeout: 20_000 });
  const frames: Frame[] = [];
  for (const handle of await iframes.elementHandles()) {
    const frame = await handle.contentFrame();
    if (!frame) throw new Error(`${groupSelector}: a field has no frame`);
    await frame.waitForFunction(
      () => document.querySelector('pay-card-form')?.shadowRoot?.querySelector('input'),
      undefined,
      { timeout: 20_000 },
    );
    frames.push(frame);
  }
  return frames;
}

async function numberFrame(frames: Frame[]): Promise<Frame> {
  for (const frame of frames) if (frame.url().includes('/number.html')) return frame;
  throw new Error('no number frame');
}

type Answer = { ok: true; last4: string } | { ok: false; code?: string };

async function tokenizeGroup(scope: Page | Frame, id: string): Promise<Answer> {
  return scope.evaluate(async (groupId) => {
    const group = document.getElementById(groupId) as HTMLElement & {
      tokenize(): Promise<{ card: { last4: string } }>;
    };
    try {
      const r = await group.tokenize();
      return { ok: true as const, last4: r.card.last4 };
    } catch (e) {
      return { ok: false as const, code: (e as { code?: string }).code };
    }
  }, id);
}

export interface Case {
  name: string;
  url: string;
  /** Where the customer's own group is (the page, or the framed checkout). */
  customer: (page: Page) => Frame | Page;
  /** Where the attacker's group is, and its element id. */
  attacker: (page: Page) => Frame | Page;
  /** The customer starts autofill in the attacker's (transparent) field, lured by a click. */
  lured?: boolean;
  /** What the attacker's script does once the fill is over, before asking for a token. */
  afterFill?: (attacker: Frame | Page) => Promise<void>;
  /** The attacker's page records its fields' `pay-change` details in `window.attackerHeard`. */
  recordsChanges?: boolean;
}

export async function runCase(browser: Browser, c: Case, result: Attempts): Promise<void> {
  const card = TEST_CARDS[0]!;
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(c.url);
    const customerScope = c.customer(page);
    const attackerScope = c.attacker(page);
    const own = await groupFrames(customerScope, '#group');
    const theirs = await groupFrames(attackerScope, '#hidden');
    // Both groups connected (configured with their keys) before the customer arrives.
    for (const [scope, id] of [
      [customerScope, 'group'],
      [attackerScope, 'hidden'],
    ] as const) {
      await scope.waitForFunction(
        (groupId) =>
          (
            document.getElementById(groupId) as HTMLElement & { fields: { state: unknown }[] }
          ).fields.every((f) => (f as unknown as HTMLElement).matches(':state(ready)')),
        id,
        { timeout: 20_000 },
      );
    }
    const start = await numberFrame(c.lured ? theirs : own);
    await start.locator('input').first().click({ force: true });
    await autofillFrom(page, start, card);
    // The fill reaches every frame at once; a frame asks its group and gives up after 3 s.
    await page.waitForTimeout(3500);
    if (c.afterFill) {
      await c.afterFill(attackerScope);
      await page.waitForTimeout(500);
    }

    if (!c.lured) {
      const answer = await tokenizeGroup(customerScope, 'group');
      result.check(
        `autofill, ${c.name}: the customer's own split fields fill from one autofill and tokenize`,
        answer.ok && answer.last4 === card.number.slice(-4),
        `the customer's tokenize answered ${JSON.stringify(answer)}`,
      );
    }
    // Every frame of the attacker's group, those its script added during the fill included.
    const held = await frameValues(await groupFrames(attackerScope, '#hidden'));
    result.check(
      `autofill, ${c.name}: the attacker's frames took nothing`,
      held.length === 0,
      `the attacker's frames hold ${held.length} values`,
    );
    if (c.recordsChanges) {
      const heard = await attackerScope.evaluate(
        () => (window as unknown as { attackerHeard: { complete: boolean }[] }).attackerHeard,
      );
      const told = heard.filter((d) => d.complete || !(d as { empty?: boolean }).empty);
      result.check(
        `autofill, ${c.name}: the attacker's page learns nothing of the fill`,
        told.length === 0,
        `the attacker's page heard ${JSON.stringify(told)}`,
      );
    }
    const stolen = await tokenizeGroup(attackerScope, 'hidden');
    result.check(
      `autofill, ${c.name}: the attacker's group gets no token`,
      !stolen.ok,
      `the attacker's tokenize answered ${JSON.stringify(stolen)}`,
    );
  } finally {
    await context.close();
  }
}

function frameAt(page: Page, urlPart: string): Frame {
  const frame = page.frames().find((f) => f.url().includes(urlPart));
  if (!frame) throw new Error(`no frame at ${urlPart}`);
  return frame;
}

/** The attacks, each on its page of the merchant or the hostile origin. */
export function autofillCases(merchantOrigin: string, hostileOrigin: string): Case[] {
  return [
    {
      name: 'a hidden 4×4 px group added by a script',
      url: `${merchantOrigin}/autofill-hidden.html`,
      customer: (page) => page,
      attacker: (page) => page,
    },
    {
      name: 'a hidden group with a copied group id and another key',
      url: `${merchantOrigin}/autofill-copied.html`,
      customer: (page) => page,
      attacker: (page) => page,
    },
    {
      // Same id and key: the group shares the customer's fill (a token in the merchant's own
      // account), until the script gives it the attacker's key.
      name: 'a group with a copied id and the merchant key, re-keyed after the fill',
      url: `${merchantOrigin}/autofill-rekeyed.html`,
      customer: (page) => page,
      attacker: (page) => page,
      afterFill: (scope) =>
        scope.evaluate(
          (key) => document.getElementById('hidden')!.setAttribute('publishable-key', key),
          OTHER_KEY,
        ),
    },
    {
      // Off screen, full size, a copied group id and the attacker's key; a number field added
      // during the fill tells the group's frames a brand.
      name: 'an off-screen group with a copied id and another key, a number field added after the fill',
      url: `${merchantOrigin}/autofill-offscreen.html`,
      customer: (page) => page,
      attacker: (page) => page,
      recordsChanges: true,
    },
    {
      name: "a third-party frame's fields inside the checkout form",
      url: `${merchantOrigin}/autofill-ad.html`,
      customer: (page) => page,
      attacker: (page) => frameAt(page, '/ad-fields.html'),
    },
    {
      name: 'a hostile page framing the checkout with fields of its own',
      url: `${hostileOrigin}/frame-checkout.html`,
      customer: (page) => frameAt(page, '/autofill-checkout.html'),
      attacker: (page) => page,
    },
    {
      name: 'a transparent group laid over the real one',
      url: `${merchantOrigin}/autofill-transparent.html`,
      customer: (page) => page,
      attacker: (page) => page,
      lured: true,
    },
  ];
}
