// `npm run test:engines`: the field cases and one checkout of each kind in Chromium, Firefox
// and WebKit, one engine after another (a fresh browser per engine, a fresh page per case), then
// a table of case × engine. TEST_ENGINES=firefox,webkit picks engines; TEST_CASES=checkout
// runs the cases whose name contains it.
import { CHECKOUT_CASES } from './checkout-cases.js';
import { launchChromium } from './chromium.js';
import type { Engine, Page } from './driver.js';
import { FIELD_CASES } from './field-cases.js';
import { launchFirefox } from './firefox.js';
import { startGateway, startPages, startShop } from './servers.js';
import { formatTable, type Outcome } from './table.js';
import { launchWebKit } from './webkit.js';

const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit };
const CASE_TIMEOUT_MS = 60_000;
const PUBLISHABLE_KEY = 'pk_test_engines';
const SECRET_KEY = 'sk_test_engines';

interface Runnable {
  name: string;
  /** Why this engine cannot run it, if it cannot. */
  notApplicable?: (engine: Engine) => string | undefined;
  /** Why it fails in this engine today, if it is known to. */
  knownFailure?: (engine: Engine) => string | undefined;
  /** Why it fails on some runs in this engine, if it is known to. */
  knownFlaky?: (engine: Engine) => string | undefined;
  run(page: Page): Promise<void>;
}

const names = (process.env.TEST_ENGINES ?? 'chromium,firefox,webkit').split(',');
for (const name of names) {
  if (!(name in LAUNCHERS))
    throw new Error(`TEST_ENGINES: no engine "${name}" (chromium, firefox, webkit)`);
}

/** A failure's message with every digit masked: it may quote what a card field held (rule 4). */
const redact = (error: unknown) =>
  String(error instanceof Error ? error.message : error)
    .split('\n')
    .slice(0, 6)
    .join(' ')
    .replace(/\d/g, '#');

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took over ${CASE_TIMEOUT_MS / 1000} s`)),
      CASE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const gateway = await startGateway(PUBLISHABLE_KEY, SECRET_KEY);
const stops = [gateway.stop];
const results = new Map<string, Map<string, Outcome>>();
const seconds = new Map<string, number>();
try {
  const pages = await startPages(gateway.url, PUBLISHABLE_KEY);
  stops.unshift(pages.stop);
  const shop = await startShop(gateway.url, PUBLISHABLE_KEY, SECRET_KEY);
  stops.unshift(shop.stop);
  const origins = { host: pages.host, third: pages.third, gateway: gateway.url };
  const runnables: Runnable[] = [
    ...FIELD_CASES.map((c) => ({
      name: c.name,
      notApplicable: (engine: Engine) =>
        c.needs === 'console'
          ? engine.noConsole
          : c.needs === 'autofill'
            ? engine.noAutofill
            : undefined,
      knownFailure: (engine: Engine) => c.knownFailure?.[engine.name],
      knownFlaky: (engine: Engine) => c.knownFlaky?.[engine.name],
      run: (page: Page) => c.run(page, origins),
    })),
    ...CHECKOUT_CASES.map((c) => ({
      name: c.name,
      run: (page: Page) => c.run(page, { shop: shop.url, gateway: gateway.url }),
    })),
  ];
  const only = process.env.TEST_CASES;
  if (only) runnables.splice(0, Infinity, ...runnables.filter((r) => r.name.includes(only)));
  for (const r of runnables) results.set(r.name, new Map());

  for (const name of names) {
    const started = Date.now();
    console.log(`\n${name}`);
    let engine: Engine | undefined;
    try {
      engine = await LAUNCHERS[name as keyof typeof LAUNCHERS]();
    } catch (error) {
      console.log(`  could not start: ${redact(error)}`);
    }
    for (const runnable of runnables) {
      const row = results.get(runnable.name)!;
      if (!engine) {
        row.set(name, { state: 'fail', note: 'engine did not start' });
        continue;
      }
      const reason = runnable.notApplicable?.(engine);
      if (reason) {
        row.set(name, { state: 'n/a', note: reason });
        console.log(`  - ${runnable.name}: not applicable: ${reason}`);
        continue;
      }
      const caseStarted = Date.now();
      const known = runnable.knownFailure?.(engine);
      /** One run on a fresh page: true when it passed. */
      const attempt = async () => {
        let page: Page | undefined;
        try {
          page = await withTimeout(engine.newPage(), 'opening a page');
          await withTimeout(runnable.run(page), runnable.name);
          return true;
        } finally {
          await page?.close().catch(() => undefined);
        }
      };
      try {
        // A failed case gets one more try on a fresh page (a busy 2-core machine can lose a
        // focus race); a pass on the second try says so, so a flaky case stays visible.
        let retried = '';
        const passed = await attempt().catch(async (first: unknown) => {
          if (known) {
            row.set(name, { state: 'known fail', note: known });
            console.log(`  ! ${runnable.name}: known failure: ${known} (${redact(first)})`);
            return false;
          }
          retried = `, passed on a second try after: ${redact(first)}`;
          return attempt();
        });
        if (passed && known) throw new Error(`passes now: remove its knownFailure mark (${known})`);
        if (passed) {
          row.set(name, { state: retried ? 'pass (2nd try)' : 'pass' });
          const took = ((Date.now() - caseStarted) / 1000).toFixed(1);
          console.log(`  ✓ ${runnable.name} (${took} s${retried})`);
        }
      } catch (error) {
        const flaky = runnable.knownFlaky?.(engine);
        if (flaky) {
          row.set(name, { state: 'flaky fail', note: `${flaky}: ${redact(error)}` });
          console.log(`  ! ${runnable.name}: known flaky: ${flaky} (${redact(error)})`);
        } else {
          row.set(name, { state: 'fail', note: redact(error) });
          console.log(`  ✗ ${runnable.name}: ${redact(error)}`);
        }
      }
    }
    await engine?.close().catch(() => undefined);
    seconds.set(name, (Date.now() - started) / 1000);
  }
} finally {
  for (const stop of stops) await stop().catch(() => undefined);
}

console.log('\n' + formatTable(names, results, seconds));
const failed = [...results.values()].some((row) =>
  [...row.values()].some((o) => o.state === 'fail'),
);
process.exit(failed ? 1 : 0);
