// Time to the final look: when the shopper sees every field as it will stay. Both bench pages
// ask for the same look (French, the merchant's colour and size); a field counts once its frame
// shows an input in that look and the page shows the frame. Nothing else stands in for it: not a
// ready event, not a first message.
import type { Browser } from '@playwright/test';
import { throttleCpu } from '../../test/harness/cpu-throttle.js';

/** The fields both pages show, and the look each must reach. */
export const KINDS = ['number', 'expiry', 'cvc'] as const;
type Kind = (typeof KINDS)[number];

/** The merchant's styles on both pages (`--pay-color`, `--pay-font-size` on ours). */
export const MERCHANT_STYLE = { color: '#1d4ed8', fontSize: '22px' } as const;
const COLOR_COMPUTED = 'rgb(29, 78, 216)';
export const LOCALE = 'fr';

/**
 * What a French shopper's input says: the words of the frames' French catalog
 * (packages/frame/src/i18n/catalogs/fr.ts), which the floor's frames show too.
 */
export const FRENCH_INPUTS: Record<Kind, { label: string; placeholder: string }> = {
  number: { label: 'Numéro de carte', placeholder: '1234 1234 1234 1234' },
  expiry: { label: 'Date d’expiration (MM / AA)', placeholder: 'MM / AA' },
  cvc: { label: 'Code de sécurité', placeholder: 'CVC' },
};

/**
 * Runs first in every document of the context (pages and frames). In a field frame (its URL
 * names its kind: `/frame/v1/fr/number.html`, or `?field=number` for the floor's), notes the first moment an input of the frame shows the final look: the
 * merchant's colour and size, the French placeholder, name and language. It looks after every
 * DOM change (in shadow trees too), at DOMContentLoaded and load, and at each animation frame (a
 * stylesheet adopted changes no node). In the page, notes when each field's iframe becomes visible. Both note layout
 * shifts. Times are on the shared wall clock (timeOrigin + now). A string, so that the runner's
 * transpiler adds no helpers the documents do not have.
 */
export const WATCH = `(() => {
  const look = { final: null, shown: {}, shifts: [] };
  window.__look = look;
  const now = () => performance.timeOrigin + performance.now();
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (!e.hadRecentInput) look.shifts.push([performance.timeOrigin + e.startTime, e.value]);
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  const kinds = ${JSON.stringify(KINDS)};
  // Ours: /frame/v1/<locale>/<kind>.html; the floor's: floor-frame.html?field=<kind>.
  const kindOf = (url) =>
    new URLSearchParams(url.search).get('field') ?? url.pathname.split('/').pop().split('.')[0];
  if (window === top) {
    const tick = () => {
      for (const iframe of document.querySelectorAll('iframe')) {
        const kind = kindOf(new URL(iframe.src, location.href));
        if (!kind || look.shown[kind]) continue;
        const rect = iframe.getBoundingClientRect();
        if (rect.width > 0 && rect.height > 0 && getComputedStyle(iframe).visibility === 'visible')
          look.shown[kind] = now();
      }
      if (kinds.some((k) => !look.shown[k])) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return;
  }
  const want = ${JSON.stringify(FRENCH_INPUTS)}[kindOf(location)];
  if (!want) return;
  const inputs = () => {
    const found = [...document.querySelectorAll('input')];
    for (const el of document.querySelectorAll('*'))
      if (el.shadowRoot) found.push(...el.shadowRoot.querySelectorAll('input'));
    return found;
  };
  const final = (input) => {
    const style = getComputedStyle(input);
    const lang = input.closest('[lang]')?.lang || document.documentElement.lang;
    return input.getClientRects().length > 0 && style.visibility === 'visible' &&
      style.color === '${COLOR_COMPUTED}' && style.fontSize === '${MERCHANT_STYLE.fontSize}' &&
      input.placeholder === want.placeholder && input.getAttribute('aria-label') === want.label &&
      lang === '${LOCALE}';
  };
  // Every DOM change, shadow trees' too (a shadow root declared in the HTML or attached by a
  // script is observed as it appears): a hidden frame may get no animation frames.
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node.shadowRoot) watch(node.shadowRoot);
    check();
  });
  const watch = (root) =>
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
  const check = () => {
    if (look.final !== null) return;
    if (inputs().some(final)) {
      look.final = now();
      observer.disconnect();
    }
  };
  watch(document);
  document.addEventListener('DOMContentLoaded', check);
  addEventListener('load', check);
  const frame = () => { check(); if (look.final === null) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})()`;

interface Look {
  final: number | null;
  shown: Record<string, number>;
  shifts: [number, number][];
}

/** One load, every time relative to the page's navigation start (ms). */
export interface LoadSample {
  /** The group's `pay-ready`, or the floor's last `ready` message. */
  ready: number;
  /** Every field shown by the page and in its final look in its frame. */
  finalLook: number;
  /** How long after `ready` the last frame reached its final look (0: final at ready). */
  readyToLook: number;
  /** Layout shift of the page and its frames after `ready` (the shopper has not typed). */
  shiftAfterReady: number;
}

declare const bench: { ready: number | null; fieldsReady: number[] };

/**
 * Loads `url` in a fresh context (cold cache, new connections) and watches it until every field
 * is ready, shown and final, then `settleMs` more for shifts. Null when it never got there.
 */
export async function loadOnce(
  browser: Browser,
  url: string,
  opts: { cpuRate?: number; timeoutMs: number; settleMs: number },
  missed: string[],
): Promise<LoadSample | null> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    if (opts.cpuRate && opts.cpuRate > 1) await throttleCpu(context, page, opts.cpuRate);
    await page.goto(url);
    const frameLooks = async (): Promise<Look[]> => {
      const looks: Look[] = [];
      for (const frame of page.frames())
        if (frame !== page.mainFrame() && /[?&]field=|\/frame\/v1\//.test(frame.url()))
          looks.push(await frame.evaluate<Look>('window.__look'));
      return looks;
    };
    const deadline = Date.now() + opts.timeoutMs;
    let host: { origin: number; ready: number | null; look: Look };
    let frames: Look[] = [];
    for (;;) {
      host = await page.evaluate(() => ({
        origin: performance.timeOrigin,
        ready: bench.ready,
        look: (window as unknown as { __look: Look }).__look,
      }));
      frames = await frameLooks().catch(() => []);
      const done =
        host.ready !== null &&
        KINDS.every((k) => host.look.shown[k]) &&
        frames.length === KINDS.length &&
        frames.every((f) => f.final !== null);
      if (done) break;
      if (Date.now() > deadline) {
        missed.push(
          `${url}: after ${opts.timeoutMs} ms ready ${host.ready !== null}, shown ${Object.keys(host.look.shown).length} of 3, final ${frames.filter((f) => f.final !== null).length} of ${frames.length}`,
        );
        return null;
      }
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(opts.settleMs);
    host = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      ready: bench.ready,
      look: (window as unknown as { __look: Look }).__look,
    }));
    frames = await frameLooks();
    const ready = host.origin + host.ready!;
    const finals = frames.map((f) => f.final!);
    const shown = KINDS.map((k) => host.look.shown[k]!);
    const finalLook = Math.max(...finals, ...shown);
    const shifts = [host.look, ...frames].flatMap((l) => l.shifts);
    return {
      ready: host.ready!,
      finalLook: finalLook - host.origin,
      readyToLook: Math.max(0, Math.max(...finals) - ready),
      shiftAfterReady: shifts.filter(([t]) => t > ready).reduce((sum, [, v]) => sum + v, 0),
    };
  } finally {
    await context.close();
  }
}
