// Where the time to ready goes: one load's timeline, host and frames on the host's clock.
import type { Browser } from '@playwright/test';

interface Mark {
  t: number;
  what: string;
}

interface Timeline {
  origin: number;
  marks: Mark[];
}

/**
 * Resource and navigation marks of one document, relative to its own time origin. A string, so
 * that the runner's transpiler adds no helpers (esbuild's __name) that the page does not have.
 */
const DOCUMENT_MARKS = `(() => {
  const marks = [];
  const short = (url) => { const u = new URL(url, location.href); return u.host + u.pathname; };
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav) {
    marks.push({ t: nav.responseEnd, what: short(location.href) + ' document received' });
    marks.push({ t: nav.domContentLoadedEventEnd, what: short(location.href) + ' DOMContentLoaded' });
  }
  for (const e of performance.getEntriesByType('resource')) {
    marks.push({ t: e.startTime, what: e.initiatorType + ' ' + short(e.name) + ' requested' });
    marks.push({ t: e.responseEnd, what: e.initiatorType + ' ' + short(e.name) + ' received' +
      (e.encodedBodySize ? ' (' + e.encodedBodySize + ' B)' : '') });
  }
  for (const m of window.__benchMessages || []) marks.push(m);
  return { origin: performance.timeOrigin, marks };
})()`;

/**
 * Runs first in every document (frames too): notes when each message arrives, from where, and
 * its kind — penpal's message type and method name, or the keys of other objects — never its
 * values, which could hold card data.
 */
const MESSAGE_SPY = `(() => {
  window.__benchMessages = [];
  addEventListener('message', (e) => {
    const d = e.data;
    let kind = typeof d;
    if (d && typeof d === 'object') {
      kind = d.namespace === 'penpal'
        ? 'penpal ' + d.type + (d.methodPath ? ' ' + d.methodPath.join('.') : '')
        : '{' + Object.keys(d).slice(0, 4).join(',') + '}';
    } else if (typeof d === 'string' && d.length < 16) kind = JSON.stringify(d);
    window.__benchMessages.push({ t: performance.now(), what: 'message ' + kind + ' from ' + e.origin });
  }, true);
})()`;

export async function profileReady(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(MESSAGE_SPY);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { bench: { ready: number | null } }).bench.ready !== null,
      null,
      { timeout: 20_000 },
    );
    const host = await page.evaluate<Timeline>(DOCUMENT_MARKS);
    const bench = await page.evaluate(
      () => (window as unknown as { bench: { ready: number; fieldsReady: number[] } }).bench,
    );
    const marks = [
      ...host.marks,
      ...bench.fieldsReady.map((t, i) => ({ t, what: `field ready #${i + 1} (host)` })),
      { t: bench.ready, what: 'group ready (host)' },
    ];
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const timeline = await frame.evaluate<Timeline>(DOCUMENT_MARKS);
      // Both clocks are wall-clock based; the offset puts frame marks on the host's axis.
      const shift = timeline.origin - host.origin;
      marks.push(...timeline.marks.map((m) => ({ t: m.t + shift, what: `  [frame] ${m.what}` })));
    }
    return marks
      .filter((m) => m.t > 0)
      .sort((a, b) => a.t - b.t)
      .map((m) => `${m.t.toFixed(1).padStart(8)} ms  ${m.what}`);
  } finally {
    await context.close();
  }
}
