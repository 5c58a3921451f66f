// One node:test case may make many attempts (a fuzz batch, every channel of one recording).
// Each case counts them and reports the count as a diagnostic, which the summary reporter
// (summary-reporter.ts) adds up per family; the case fails when any attempt failed.
import { test, type TestContext } from 'node:test';

/** The diagnostic every case ends with; summary-reporter.ts parses it back. */
export const ATTEMPTS_LINE = /^attempts: (\d+) tried, (\d+) passed$/;

/** The attempts of one case: every one tried, and a line for each that failed. */
export class Attempts {
  tried = 0;
  passed = 0;
  readonly failures: { label: string; problem: string }[] = [];
  readonly labels: string[] = [];

  /** Records one attempt; `problem` undefined means it passed (the attack did not work). */
  record(label: string, problem: string | undefined): void {
    this.tried++;
    if (process.env.SECURITY_VERBOSE)
      this.labels.push(`${problem === undefined ? 'ok  ' : 'FAIL'} ${label}`);
    if (problem === undefined) this.passed++;
    else if (this.failures.length < 2000) this.failures.push({ label, problem });
  }

  /** An attempt that is a plain assertion. */
  check(label: string, ok: boolean, problem: string): void {
    this.record(label, ok ? undefined : problem);
  }

  get ok(): boolean {
    return this.tried === this.passed;
  }
}

/** Failures grouped by what broke (ids and numbers blurred), with one example each. */
export function failureReport(attempts: Attempts, max = 25): string {
  const groups = new Map<string, { count: number; label: string; problem: string }>();
  for (const f of attempts.failures) {
    const shape = f.problem
      .replace(/(req|pay|tok)_[0-9a-f]+/g, '$1_…')
      .replace(/\d{5,}/g, 'N')
      .slice(0, 120);
    const group = groups.get(shape);
    if (group) group.count++;
    else groups.set(shape, { count: 1, label: f.label, problem: f.problem });
  }
  const lines = [`${attempts.tried - attempts.passed} of ${attempts.tried} attempts failed`];
  for (const g of [...groups.values()].slice(0, max)) {
    lines.push(`FAIL ×${g.count} ${g.problem.slice(0, 400)}`);
    lines.push(`     e.g. ${g.label.slice(0, 300)}`);
  }
  if (groups.size > max) lines.push(`... and ${groups.size - max} more kinds of failure`);
  return lines.join('\n');
}

export interface AttackOptions {
  /**
   * One more try when the case throws (a browser page that did not load in time on a busy
   * machine: browser cases record their attempts only once the page is up).
   */
  retry?: boolean;
}

export type AttackBody = (attempts: Attempts, t: TestContext) => Promise<void>;

/**
 * A node:test case that counts its attempts. It fails when an attempt failed (that attack
 * worked) or when it did not run to the end, which also counts as a failed attempt.
 */
export function attack(name: string, body: AttackBody, options: AttackOptions = {}): void {
  test(name, async (t) => {
    let attempts = new Attempts();
    try {
      await body(attempts, t);
    } catch (first) {
      if (!options.retry) {
        attempts.record(`${name}: ran to the end`, firstLine(first));
      } else {
        t.diagnostic(`retrying after ${firstLine(first)}`);
        attempts = new Attempts();
        await body(attempts, t).catch((e: unknown) =>
          attempts.record(`${name}: ran to the end`, firstLine(e)),
        );
      }
    }
    for (const label of attempts.labels) t.diagnostic(label);
    t.diagnostic(`attempts: ${attempts.tried} tried, ${attempts.passed} passed`);
    if (!attempts.ok) {
      const error = new Error(failureReport(attempts));
      // The grouped failures say what broke; a stack into this helper would say nothing.
      error.stack = `Error: ${error.message}`;
      throw error;
    }
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
