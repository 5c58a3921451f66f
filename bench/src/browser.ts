// Browser metrics in headless Chromium across two sites: our split fields vs bare iframes.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import { atMost, informs, within, zero, type Group, type Metric, type Recorder } from './metric';
import { loadOnce } from './final-look';
import { PUBLISHABLE_KEY, startGateway } from './gateway-process';
import { startPageServer } from './page-server';
import { frameDir, hostDir, repoRoot } from './paths';
import { startLatencyProxy } from './latency-proxy';
import { profileReady } from './ready-profile';
import { traceReady } from './ready-trace';
import { blockSpread, median, percentile } from './stats';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/harness/chromium.js';

export interface BrowserOptions {
  loads: number;
  /** Loads of each page with every request to the gateway and the floor's frames delayed. */
  slowLoads: number;
  /** That delay, per request (ms). */
  delayMs: number;
  /** How much slower the CPU is in the third setting (each renderer, via DevTools). */
  cpuRate: number;
  keystrokes: number;
  tokenizations: number;
  /** Also trace one load of each page (Chromium tracing) for the main threads' work. */
  traces: boolean;
  log: (line: string) => void;
}

interface BenchState {
  ready: number | null;
  fieldsReady: number[];
  changes: number[];
}
declare const bench: BenchState;

const BENCH_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  // Each fresh context opens a browser window, and headless Chromium loads that window's own
  // UI (the omnibox popup, a WebUI page) in a renderer of its own: about 1.1 s of CPU during
  // every load measured, on a 2-core machine, which a shopper's already open browser does not
  // spend. Off, so both pages are measured without it. Chromium may keep only the last
  // --disable-features it is given: the features Playwright turns off for background work are
  // named again.
  `--disable-features=${[
    'WebUIOmniboxPopup',
    'WebUIOmniboxAimPopup',
    'WebUIOmniboxFullPopup',
    'PreloadTopChromeWebUI',
    'MediaRouter',
    'OptimizationHints',
    'NetworkTimeServiceQuerying',
    'PreconnectToSearch',
    'AimEnabled',
    'LensOverlay',
    'PaintHolding',
  ].join(',')}`,
];
const READY_TIMEOUT = 15_000;

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: BENCH_CHROMIUM_ARGS });
}

async function openReady(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.waitForFunction(() => bench.ready !== null, null, { timeout: READY_TIMEOUT });
  return page;
}

async function firstFieldFrame(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.locator(selector).first().elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame for ${selector}`);
  return frame;
}

/**
 * Keystroke → host event. The frame notes each keydown's platform timestamp, the host notes
 * each event's arrival, both on the shared wall clock (timeOrigin + now), so the difference is
 * the trip through the frame's code and postMessage. "4" then Backspace alternate, so that every
 * key changes the field's state (empty ↔ not) and any change-dedup still emits.
 */
async function keystrokes(page: Page, frame: Frame, count: number): Promise<number[]> {
  await frame.locator('input').first().click();
  // A string, so that the runner's transpiler adds no helpers the frame does not have.
  const keysBefore = await frame.evaluate<number>(`(() => {
    if (!window.benchKeys) {
      window.benchKeys = [];
      document.addEventListener('keydown', (e) => {
        window.benchKeys.push(performance.timeOrigin + e.timeStamp);
      }, true);
    }
    return window.benchKeys.length;
  })()`);
  const start = await page.evaluate(() => bench.changes.length);
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 2 === 0 ? '4' : 'Backspace');
    await page.waitForFunction((n) => bench.changes.length > n, start + i, { timeout: 5000 });
  }
  const keys = (await frame.evaluate<number[]>('window.benchKeys')).slice(keysBefore);
  const changes = (await page.evaluate(() => bench.changes)).slice(start);
  if (keys.length !== count || changes.length !== count)
    throw new Error(`expected ${count} keys and events, got ${keys.length} and ${changes.length}`);
  return changes.map((t, i) => t - keys[i]!);
}

interface Samples {
  ours: number[];
  floor: number[];
}

/** How a goal compares ours with the floor in each block of runs: a ratio, or a difference. */
type Compare = 'ratio' | 'difference';

function timing(
  group: Group,
  what: string,
  s: Samples,
  floorLabel: string,
  goal: (c: Parameters<typeof informs>[0], stat: 'median' | 'p95') => Metric,
  spread?: { blocks: number; of: string; compare?: Compare },
): Metric[] {
  const note = `n=${s.ours.length}+${s.floor.length}`;
  return (['median', 'p95'] as const).map((stat) => {
    const f = stat === 'median' ? median : (x: number[]) => percentile(x, 95);
    const compare = spread?.compare ?? 'ratio';
    const range =
      spread &&
      blockSpread(s.ours, s.floor, spread.blocks, (o, fl) =>
        compare === 'ratio' ? f(o) / f(fl) : f(o) - f(fl),
      );
    return goal(
      {
        group,
        name: `${what} ${stat}`,
        value: f(s.ours),
        unit: 'ms',
        against: floorLabel,
        againstValue: f(s.floor),
        note,
        ...(range && {
          spread: {
            ...range,
            kind: compare,
            over: `${compare === 'ratio' ? 'ratio' : 'ours − floor'} of the ${stat}s of ${spread.blocks} blocks of ${spread.of}`,
          },
        }),
      },
      stat,
    );
  });
}

/** How a setting loads the pages: through which URLs, with the CPU slowed or not. */
interface Setting {
  name: string;
  urls: { ours: string; floor: string };
  loads: number;
  cpuRate?: number;
}

/**
 * Time to the final look of our page and the floor's (final-look.ts), alternating so drift weighs
 * on both; one warm-up each (the gateway's compressed copies, the browser's process pool). Also
 * ours: `pay-ready` (for information), how long after it the look became final, and the layout
 * shift after it, both of which must be 0.
 */
async function measureReady(
  browser: Browser,
  { name, urls, loads, cpuRate }: Setting,
  log: (line: string) => void,
): Promise<Metric[]> {
  const look: Samples = { ours: [], floor: [] };
  const ready: Samples = { ours: [], floor: [] };
  const readyToLook: number[] = [];
  const shifts: number[] = [];
  const missed: string[] = [];
  const slow = (cpuRate ?? 1) > 1;
  const opts = { cpuRate, timeoutMs: slow ? 40_000 : READY_TIMEOUT, settleMs: slow ? 2500 : 1500 };
  await loadOnce(browser, urls.ours, opts, []);
  await loadOnce(browser, urls.floor, opts, []);
  for (let i = 0; i < loads; i++) {
    const order = i % 2 ? [urls.floor, urls.ours] : [urls.ours, urls.floor];
    for (const url of order) {
      const sample = await loadOnce(browser, url, opts, missed);
      if (!sample) continue;
      const side = url === urls.ours ? 'ours' : 'floor';
      look[side].push(sample.finalLook);
      ready[side].push(sample.ready);
      if (side === 'ours') {
        readyToLook.push(sample.readyToLook);
        shifts.push(sample.shiftAfterReady);
      }
    }
  }
  // A load that never gets ready is a bug to see, not a sample: it is counted and named.
  for (const m of missed) log(`ready (${name}): a load never got there: ${m}`);
  if (missed.length > loads / 10)
    throw new Error(`${missed.length} loads never got ready: ${missed.join('; ')}`);
  log(
    `final look (${name}): ours median ${median(look.ours).toFixed(1)} ms, floor ${median(look.floor).toFixed(1)} ms; ` +
      `pay-ready ${median(ready.ours).toFixed(1)} ms; ready → final look max ${Math.max(...readyToLook).toFixed(1)} ms; ` +
      `shift after ready max ${Math.max(...shifts).toFixed(4)}`,
  );
  const blocks = Math.max(1, Math.min(5, Math.floor(loads / 3)));
  const note = missed.length ? `; ${missed.length} never final` : '';
  return [
    ...timing(
      'ready',
      `time to final look (${name})`,
      look,
      '3 bare iframes, styled',
      (c) => atMost({ ...c, note: `${c.note}${note}` }, 1.5),
      { blocks, of: `${Math.floor(loads / blocks)} loads` },
    ),
    informs({
      group: 'ready',
      name: `time to pay-ready (${name}) median`,
      value: median(ready.ours),
      unit: 'ms',
      against: 'floor ready message',
      againstValue: median(ready.floor),
      note: `n=${ready.ours.length}+${ready.floor.length}`,
    }),
    zero(
      'ready',
      `pay-ready → final look (${name}) max`,
      Math.max(...readyToLook),
      'ms',
      `the last frame's final look after the group's pay-ready, over ${readyToLook.length} loads`,
    ),
    zero(
      'ready',
      `layout shift after pay-ready (${name}) max`,
      Math.max(...shifts),
      'score',
      `the page's and frames' layout-shift entries after pay-ready, ${opts.settleMs} ms on, over ${shifts.length} loads`,
    ),
  ];
}

/** One tokenize() call on the shared wall clock (timeOrigin + now). */
interface Span {
  start: number;
  end: number;
}

/**
 * Split each tokenize() into: host → the gateway frame's fetch of /v1/tokens starting (the RPC
 * and gathering the other fields), the fetch itself (the frame's resource timing), and the answer
 * back to the host. Frame and host times meet on the shared wall clock.
 */
async function tokenizeBreakdown(page: Page, spans: Span[]): Promise<string[]> {
  const fetches: Span[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    fetches.push(
      ...(await frame.evaluate<Span[]>(
        `performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/tokens'))
          .map((e) => ({ start: performance.timeOrigin + e.startTime,
                         end: performance.timeOrigin + e.responseEnd }))`,
      )),
    );
  }
  const before: number[] = [];
  const during: number[] = [];
  const after: number[] = [];
  for (const span of spans) {
    const f = fetches.find((x) => x.start >= span.start - 1 && x.end <= span.end + 1);
    if (!f) continue;
    before.push(f.start - span.start);
    during.push(f.end - f.start);
    after.push(span.end - f.end);
  }
  if (!during.length) return ['no /v1/tokens request of the gateway frames matched a tokenize()'];
  const ms = (x: number[]) => `${median(x).toFixed(2)} ms`;
  return [
    `medians over ${during.length} calls: host → frame starts fetch ${ms(before)}; ` +
      `fetch /v1/tokens in the frame ${ms(during)}; response → host resolves ${ms(after)}`,
  ];
}

function cardExpiry(): string {
  return `12${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}`;
}

/** The gateway serves the built SDK and frames: build them first on a fresh clone. */
function ensureBuilt(log: (line: string) => void): void {
  const built = [path.join(hostDir, 'dist/pay.js'), path.join(frameDir, 'dist/en/number.html')];
  if (built.every((f) => existsSync(f))) return;
  log('the SDK or frame build is missing: npm run build -w @pay/host -w @pay/frame');
  execFileSync('npm', ['run', 'build', '-w', '@pay/host', '-w', '@pay/frame'], {
    cwd: repoRoot,
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

export async function measureBrowser(r: Recorder, opts: BrowserOptions): Promise<void> {
  ensureBuilt(opts.log);
  const gateway = await startGateway();
  const pages = await startPageServer({
    gateway: gateway.url,
    publishableKey: PUBLISHABLE_KEY,
  });
  const browser = await launch();
  const oursUrl = `${pages.pageOrigin}/fields.html`;
  const floorUrl = `${pages.pageOrigin}/floor.html`;
  const log = opts.log;
  try {
    // 1. Time to ready on loopback, then with every request to the gateway and to the floor's
    // frame server delayed alike (the merchant's page itself is not).
    const slowGateway = await startLatencyProxy(gateway.url, opts.delayMs);
    const slowPages = await startPageServer({
      gateway: slowGateway.origin,
      publishableKey: PUBLISHABLE_KEY,
      floorDelayMs: opts.delayMs,
    });
    const slow = `${opts.delayMs} ms/request`;
    const slowUrls = {
      ours: `${slowPages.pageOrigin}/fields.html`,
      floor: `${slowPages.pageOrigin}/floor.html`,
    };
    try {
      const settings: Setting[] = [
        { name: 'loopback', urls: { ours: oursUrl, floor: floorUrl }, loads: opts.loads },
        { name: slow, urls: slowUrls, loads: opts.slowLoads },
        {
          name: `CPU ${opts.cpuRate}× slower`,
          urls: { ours: oursUrl, floor: floorUrl },
          loads: opts.slowLoads,
          cpuRate: opts.cpuRate,
        },
      ];
      const only = process.env.BENCH_SETTINGS?.split(',');
      for (const setting of settings.filter((_, i) => !only || only.includes(String(i))))
        await r.part(`browser: time to final look, ${setting.name}`, async () => {
          r.add(...(await measureReady(browser, setting, log)));
        });
      // The waterfall behind each: one cold load of each page, its chain of sequential requests.
      for (const [setting, urls] of [
        ['loopback', { ours: oursUrl, floor: floorUrl }],
        [slow, slowUrls],
      ] as const) {
        await r.part(`browser: round trips, ${setting}`, async () => {
          const ours = await profileReady(browser, urls.ours);
          const floor = await profileReady(browser, urls.floor);
          r.profile(`time to ready (ours, one cold load, ${setting})`, ours.lines);
          r.profile(`time to ready (floor, one cold load, ${setting})`, floor.lines);
          r.add(
            informs({
              group: 'ready',
              name: `sequential requests to ready (${setting})`,
              value: ours.chain.length,
              unit: 'requests',
              against: '3 bare iframes',
              againstValue: floor.chain.length,
              note: `ours: ${ours.chain.join(' → ')}; floor: ${floor.chain.join(' → ')}`,
            }),
          );
        });
      }
    } finally {
      await slowPages.close();
      await slowGateway.close();
    }
    // Profiles explain a result; one that fails is noted, not counted as a missing metric.
    const profiles: [string, () => Promise<string[]>][] = [];
    // Tracing every process is slow: the quick run leaves it out.
    if (opts.traces)
      profiles.push(
        ['time to ready (ours, main threads)', () => traceReady(browser, oursUrl)],
        ['time to ready (floor, main threads)', () => traceReady(browser, floorUrl)],
      );
    for (const [name, profile] of profiles)
      r.profile(name, await profile().catch((e: Error) => [`profile failed: ${e.message}`]));

    const ours = await openReady(browser, oursUrl);
    const floor = await openReady(browser, floorUrl);
    // 2. Keystroke → event, in blocks alternating between the two pages.
    await r.part('browser: keystroke', async () => {
      const oursFrame = await firstFieldFrame(ours, 'pay-card-number iframe');
      const floorFrame = await firstFieldFrame(floor, 'iframe');
      const keys: Samples = { ours: [], floor: [] };
      const block = 20;
      for (let done = 0; done < opts.keystrokes; done += block) {
        const n = Math.min(block, opts.keystrokes - done);
        keys.ours.push(...(await keystrokes(ours, oursFrame, n)));
        keys.floor.push(...(await keystrokes(floor, floorFrame, n)));
      }
      log(
        `keys: ours p95 ${percentile(keys.ours, 95).toFixed(2)} ms, floor ${percentile(keys.floor, 95).toFixed(2)} ms`,
      );
      r.add(
        ...timing(
          'keystroke',
          'key → pay-change',
          keys,
          'bare iframe message',
          (c, stat) => (stat === 'p95' ? within(c, 2) : informs(c)),
          {
            blocks: Math.max(1, Math.ceil(opts.keystrokes / block)),
            of: `${block} keys`,
            compare: 'difference',
          },
        ),
      );
    });

    // 3. Tokenize: fill the fields once, then tokenize() repeatedly (each call makes a token).
    await r.part('browser: tokenize', async () => {
      const numberInput = ours.frameLocator('pay-card-number iframe').locator('input').first();
      await numberInput.clear();
      await numberInput.pressSequentially('4242424242424242');
      await ours
        .frameLocator('pay-card-expiry iframe')
        .locator('input')
        .first()
        .pressSequentially(cardExpiry());
      await ours
        .frameLocator('pay-card-cvc iframe')
        .locator('input')
        .first()
        .pressSequentially('123');
      // The floor: a gateway-origin document calling fetch('/v1/tokens') itself (no CORS):
      // the gateway's /healthz opened as a page, so the bench serves nothing from the gateway.
      // Its CSP (default-src 'none') would block the fetch; bypassing it costs no time.
      const gatewayPage = await (await browser.newContext({ bypassCSP: true })).newPage();
      await gatewayPage.goto(`${gateway.url}/healthz`);
      const body = JSON.stringify({
        card: {
          number: '4242424242424242',
          exp_month: 12,
          exp_year: new Date().getUTCFullYear() + 3,
          cvc: '123',
        },
      });
      const direct = (doc: Page | Frame, url: string) =>
        doc.evaluate(
          async ({ url, key, body }) => {
            const t0 = performance.now();
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
              body,
            });
            const json = (await res.json()) as { id?: string };
            if (!json.id) throw new Error(`tokens answered ${res.status}`);
            return performance.now() - t0;
          },
          { url, key: PUBLISHABLE_KEY, body },
        );
      const viaSdk = () =>
        ours.evaluate(async () => {
          const group = document.getElementById('group') as HTMLElement & {
            tokenize(): Promise<{ token: string }>;
          };
          const t0 = performance.now();
          const result = await group.tokenize();
          const t1 = performance.now();
          if (!result.token) throw new Error('tokenize() gave no token');
          return { start: performance.timeOrigin + t0, end: performance.timeOrigin + t1 };
        });
      let floorDoc: Page | Frame = gatewayPage;
      let floorLabel = 'same-origin fetch';
      try {
        await direct(gatewayPage, '/v1/tokens');
      } catch {
        // A CSP on /healthz that forbids connect-src: fetch from inside our number frame
        // instead, which is a gateway-origin document allowed to call the gateway.
        floorDoc = await firstFieldFrame(ours, 'pay-card-number iframe');
        floorLabel = 'same-origin fetch in frame';
      }
      const tokenize: Samples = { ours: [], floor: [] };
      const cors: number[] = [];
      const spans: Span[] = [];
      for (let i = -2; i < opts.tokenizations; i++) {
        const a = await viaSdk();
        const b = await direct(floorDoc, '/v1/tokens');
        const c = await direct(ours, `${gateway.url}/v1/tokens`);
        if (i < 0) continue; // warm-up: connections, preflight cache, lazy code
        tokenize.ours.push(a.end - a.start);
        spans.push(a);
        tokenize.floor.push(b);
        cors.push(c);
      }
      log(
        `tokenize: ours median ${median(tokenize.ours).toFixed(1)} ms, floor ${median(tokenize.floor).toFixed(1)} ms, CORS ${median(cors).toFixed(1)} ms`,
      );
      r.profile('tokenize (ours): where the time goes', await tokenizeBreakdown(ours, spans));
      r.add(
        ...timing(
          'tokenize',
          'tokenize() → token',
          tokenize,
          floorLabel,
          (c, stat) => (stat === 'median' ? atMost(c, 1.3) : informs(c)),
          { blocks: 5, of: `${Math.floor(opts.tokenizations / 5)} calls` },
        ),
        ...timing(
          'tokenize',
          'tokenize() vs cross-origin fetch',
          { ours: tokenize.ours, floor: cors },
          'CORS fetch from page',
          (c) => informs(c),
        ),
      );
    });
  } finally {
    await browser.close();
    await pages.close();
    await gateway.stop();
  }
}
