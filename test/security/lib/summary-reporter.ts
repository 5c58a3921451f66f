// A node:test reporter: per family (the suites at the top level) the cases run and their
// attempts tried and passed, from the "attempts: n tried, m passed" diagnostic each case ends
// with (results.ts), printed as a table when the run ends, then the closing line CI reads. run.ts prints it after the
// spec reporter's output; it also works alone: --test-reporter=./test/security/lib/summary-reporter.ts
import { ATTEMPTS_LINE } from './results.js';

interface Row {
  family: string;
  cases: number;
  tried: number;
  passed: number;
  failed: boolean;
  skipped: string | undefined;
}

/** The part of a node:test event this reporter reads. */
interface Event {
  type: string;
  data: { name?: string; nesting?: number; message?: string; skip?: string | boolean };
}

/** A test left out by --test-name-pattern is reported as skipped with this reason. */
const FILTERED = 'test name does not match pattern';

export default async function* summaryReporter(
  source: AsyncIterable<Event>,
): AsyncGenerator<string> {
  const started = Date.now();
  const rows: Row[] = [];
  let family: Row | undefined;
  for await (const { type, data } of source) {
    if (type === 'test:start' && data.nesting === 0) {
      family = {
        family: data.name ?? '',
        cases: 0,
        tried: 0,
        passed: 0,
        failed: false,
        skipped: undefined,
      };
      rows.push(family);
    } else if (!family) {
      continue;
    } else if (type === 'test:diagnostic') {
      const counts = ATTEMPTS_LINE.exec(data.message ?? '');
      if (counts) {
        family.cases++;
        family.tried += Number(counts[1]);
        family.passed += Number(counts[2]);
      }
    } else if (type === 'test:fail') {
      family.failed = true;
    } else if (type === 'test:pass') {
      const skip = data.skip === true ? 'skipped' : data.skip || undefined;
      if (skip !== undefined && skip !== FILTERED) family.skipped = skip;
    }
  }
  yield table(
    // Families left out entirely by --test-name-pattern get no row.
    rows.filter((r) => r.cases > 0 || r.failed || r.skipped !== undefined),
    (Date.now() - started) / 1000,
  );
}

function table(rows: Row[], seconds: number): string {
  const cells = rows.map((r) => [
    r.family,
    String(r.cases),
    String(r.tried),
    String(r.passed),
    r.failed ? 'FAIL' : r.skipped !== undefined && r.tried === 0 ? `skipped (${r.skipped})` : 'ok',
  ]);
  const cases = rows.reduce((n, r) => n + r.cases, 0);
  const tried = rows.reduce((n, r) => n + r.tried, 0);
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const head = ['family', 'cases', 'attempts', 'passed', ''];
  const total = ['total', String(cases), String(tried), String(passed), `${seconds.toFixed(0)} s`];
  const widths = head.map((h, i) =>
    Math.max(h.length, total[i]!.length, ...cells.map((row) => row[i]!.length)),
  );
  const line = (row: string[]) =>
    row
      .map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    '',
    line(head),
    rule,
    ...cells.map(line),
    rule,
    line(total),
    // The plain closing line CI readers look for, after the table.
    `security: ${passed} passed, ${tried - passed} failed`,
    '',
  ].join('\n');
}
