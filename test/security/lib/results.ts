/** One family's tally: every case tried, and a line for each one that failed. */
export class FamilyResult {
  readonly name: string;
  tried = 0;
  passed = 0;
  readonly failures: { label: string; problem: string }[] = [];
  readonly labels: string[] = [];
  /** Set when the family could not run at all (e.g. the SDK is not built). */
  skipped: string | undefined;

  constructor(name: string) {
    this.name = name;
  }

  /** Records one case; `problem` undefined means it passed. */
  record(label: string, problem: string | undefined): void {
    this.tried++;
    if (process.env.SECURITY_VERBOSE)
      this.labels.push(`${problem === undefined ? 'ok  ' : 'FAIL'} ${label}`);
    if (problem === undefined) this.passed++;
    else if (this.failures.length < 2000) this.failures.push({ label, problem });
  }

  /** A case that is a plain assertion. */
  check(label: string, ok: boolean, problem: string): void {
    this.record(label, ok ? undefined : problem);
  }

  get ok(): boolean {
    return this.tried === this.passed;
  }
}

/** Failures grouped by what broke (ids and numbers blurred), with one example each. */
export function printFailures(result: FamilyResult, max = 25): void {
  const groups = new Map<string, { count: number; label: string; problem: string }>();
  for (const f of result.failures) {
    const shape = f.problem
      .replace(/(req|pay|tok)_[0-9a-f]+/g, '$1_…')
      .replace(/\d{5,}/g, 'N')
      .slice(0, 120);
    const group = groups.get(shape);
    if (group) group.count++;
    else groups.set(shape, { count: 1, label: f.label, problem: f.problem });
  }
  for (const g of [...groups.values()].slice(0, max)) {
    console.log(`  FAIL ×${g.count} ${g.problem.slice(0, 400)}`);
    console.log(`       e.g. ${g.label.slice(0, 300)}`);
  }
  if (groups.size > max) console.log(`  ... and ${groups.size - max} more kinds of failure`);
}

export function printTable(results: FamilyResult[], seconds: number): void {
  const rows = results.map((r) => [
    r.name,
    String(r.tried),
    String(r.passed),
    r.skipped ? 'skipped' : r.ok ? 'ok' : 'FAIL',
  ]);
  const head = ['family', 'cases tried', 'cases passed', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ');
  const total = results.reduce(
    (t, r) => ({ tried: t.tried + r.tried, passed: t.passed + r.passed }),
    { tried: 0, passed: 0 },
  );
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  console.log(
    line(['total', String(total.tried), String(total.passed), `${seconds.toFixed(0)} s`]),
  );
}

/** Every case label, for SECURITY_VERBOSE=1. */
export function printCases(result: FamilyResult): void {
  for (const label of result.labels) console.log(`    ${label}`);
}
