// Where the main threads spend one cold load until ready: a Chromium trace of every process.
import type { Browser } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string } & Record<string, unknown>;
}

// Wrappers around every task: they say that the thread was busy, not with what.
const WRAPPERS = new Set([
  'RunTask',
  'ThreadControllerImpl::RunTask',
  'ThreadPool_RunTask',
  'Receive mojo message',
  'Receive mojo reply',
  'SimpleWatcher::OnHandleReady',
  'EpollEvent',
]);

export async function traceReady(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await browser.startTracing(undefined, {
      categories: [
        '__metadata',
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'loading',
      ],
    });
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { bench: { ready: number | null } }).bench.ready !== null,
      null,
      { timeout: 20_000 },
    );
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    return summarize(traceEvents);
  } finally {
    await context.close();
  }
}

function hostsOf(e: TraceEvent): string[] {
  const args = e.args as
    { data?: { url?: string }; beginData?: { url?: string }; fileName?: string } | undefined;
  return [args?.data?.url, args?.beginData?.url, args?.fileName]
    .filter((u): u is string => !!u && u.startsWith('http'))
    .map((u) => new URL(u).host);
}

function summarize(events: TraceEvent[]): string[] {
  // Renderer main threads, named by the sites of the documents and scripts they ran.
  const mainThreads = new Map<number, number>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mainThreads.set(e.pid, e.tid);
  const lines: string[] = [];
  for (const [pid, tid] of mainThreads) {
    const own = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur);
    const mine = events.filter((e) => e.pid === pid);
    // Named by the documents it parsed; scripts it loaded from elsewhere do not name it.
    const documents = new Set(mine.filter((e) => e.name === 'ParseHTML').flatMap(hostsOf));
    const hosts = documents.size ? documents : new Set(mine.flatMap(hostsOf));
    if (!hosts.size) continue; // browser UI and spare renderers
    const busy = own.filter((e) => e.name === 'RunTask').reduce((sum, e) => sum + e.dur!, 0) / 1000;
    const byName = new Map<string, { ms: number; n: number }>();
    for (const e of own) {
      if (WRAPPERS.has(e.name)) continue;
      const entry = byName.get(e.name) ?? { ms: 0, n: 0 };
      entry.ms += e.dur! / 1000;
      entry.n += 1;
      byName.set(e.name, entry);
    }
    lines.push(
      `renderer for ${[...hosts].join(', ')}: main thread busy ${busy.toFixed(1)} ms; ` +
        'largest events (nested ones overlap):',
      ...[...byName]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 10)
        .map(([name, w]) => `    ${w.ms.toFixed(1).padStart(7)} ms  ${name} ×${w.n}`),
    );
  }
  return lines;
}
