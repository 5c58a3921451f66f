// Where the time to ready goes: one load's timeline, host and frames on the host's clock.
import type { Browser } from '@playwright/test';

interface Mark {
  t: number;
  what: string;
}

/** One request: a document's own navigation or a resource it fetched. */
interface RequestSpan {
  start: number;
  end: number;
  url: string;
  what: string;
}

interface Timeline {
  origin: number;
  marks: Mark[];
  requests: RequestSpan[];
}

/** The cold load's timeline, and the chain of requests each waited for the one before. */
export interface ReadyProfile {
  lines: string[];
  /** Sequential requests from navigation start to ready, first to last. */
  chain: string[];
}

/**
 * Resource and navigation marks of one document, relative to its own time origin. A string, so
 * that the runner's transpiler adds no helpers (esbuild's __name) that the page does not have.
 */
const DOCUMENT_MARKS = `(() => {
  const marks = [];
  const requests = [];
  const short = (url) => { const u = new URL(url, location.href); return u.host + u.pathname; };
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav) {
    marks.push({ t: nav.responseEnd, what: short(location.href) + ' document received' });
    marks.push({ t: nav.domContentLoadedEventEnd, what: short(location.href) + ' DOMContentLoaded' });
    requests.push({ start: 0, end: nav.responseEnd, url: nav.name.split('#')[0], what: 'document ' + short(location.href) });
  }
  for (const e of performance.getEntriesByType('resource')) {
    marks.push({ t: e.startTime, what: e.initiatorType + ' ' + short(e.name) + ' requested' });
    marks.push({ t: e.responseEnd, what: e.initiatorType + ' ' + short(e.name) + ' received' +
      (e.encodedBodySize ? ' (' + e.encodedBodySize + ' B)' : '') });
    // An iframe's entry lasts until its load event: the frame's own navigation stands for it.
    if (e.initiatorType !== 'iframe')
      requests.push({ start: e.startTime, end: e.responseEnd, url: e.name,
        what: e.initiatorType + ' ' + short(e.name) });
  }
  for (const m of window.__benchMessages || []) marks.push(m);
  return { origin: performance.timeOrigin, marks, requests };
})()`;

/**
 * Runs first in every document (frames too): notes when each window message arrives, from where,
 * and its kind — a field message's type (`hello`), or the keys of other objects — never its
 * values, which could hold card data.
 */
const MESSAGE_SPY = `(() => {
  window.__benchMessages = [];
  addEventListener('message', (e) => {
    const d = e.data;
    let kind = typeof d;
    if (d && typeof d === 'object') {
      kind = d.ns === 'pay-field'
        ? 'pay-field ' + d.type
        : '{' + Object.keys(d).slice(0, 4).join(',') + '}';
    } else if (typeof d === 'string' && d.length < 16) kind = JSON.stringify(d);
    window.__benchMessages.push({ t: performance.now(), what: 'message ' + kind + ' from ' + e.origin });
  }, true);
})()`;

/**
 * The critical path back from ready: the request that ended last before ready, then the one
 * that ended last before that one started, and so on. With a delay on every request this is the
 * chain of round trips (each waited for the one before); on loopback it may take a request that
 * only happened to finish first for a step.
 */
const LATER = /\/(card-rules|app)-[\w-]+\.js$/;

export function criticalChain(all: readonly RequestSpan[], ready: number): string[] {
  // A URL fetched again after an earlier fetch of it ended came from the cache (or waited for
  // nothing but that fetch): it is no step of its own.
  // The app and card rules chunks are fetched for later: the frame's inline entry answers the
  // handshake without them (its inputs take typing meanwhile).
  const requests = all.filter(
    (r) => !LATER.test(r.url) && !all.some((e) => e !== r && e.url === r.url && e.end <= r.start),
  );
  const chain: string[] = [];
  let until = ready;
  let step: RequestSpan | undefined;
  for (;;) {
    // A sibling of the step (another field's frame document: the same path) never waits for it.
    const before = requests.filter(
      (r) => r.end <= until && r.start < until && (!step || r.what !== step.what),
    );
    if (!before.length) return chain.reverse();
    const last = before.reduce((a, b) => (b.end > a.end ? b : a));
    chain.push(`${last.what} (${last.start.toFixed(0)}–${last.end.toFixed(0)} ms)`);
    until = last.start;
    step = last;
  }
}

export async function profileReady(browser: Browser, url: string): Promise<ReadyProfile> {
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
    const requests = [...host.requests];
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
      requests.push(
        ...timeline.requests.map((r) => ({
          start: r.start + shift,
          end: r.end + shift,
          url: r.url,
          what: `[frame] ${r.what}`,
        })),
      );
    }
    const chain = criticalChain(requests, bench.ready);
    const lines = marks
      .filter((m) => m.t > 0)
      .sort((a, b) => a.t - b.t)
      .map((m) => `${m.t.toFixed(1).padStart(8)} ms  ${m.what}`);
    lines.push(`${chain.length} sequential requests to ready: ${chain.join(' → ')}`);
    return { lines, chain };
  } finally {
    await context.close();
  }
}
