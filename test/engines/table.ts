// The summary at the end of `npm run test:engines`: one row per case, one column per engine.
export interface Outcome {
  state: 'pass' | 'pass (2nd try)' | 'fail' | 'n/a' | 'known fail' | 'flaky fail';
  note?: string;
}

export function formatTable(
  engines: string[],
  results: Map<string, Map<string, Outcome>>,
  seconds: Map<string, number>,
): string {
  const rows = [...results].map(([name, row]) => [
    name,
    ...engines.map((e) => row.get(e)?.state ?? '-'),
  ]);
  const footer = ['time', ...engines.map((e) => `${(seconds.get(e) ?? 0).toFixed(0)} s`)];
  const header = ['case', ...engines];
  const all = [header, ...rows, footer];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = [...results].flatMap(([name, row]) =>
    engines
      .filter((e) => row.get(e)?.state === 'n/a')
      .map((e) => `  ${e}, ${name}: not applicable: ${row.get(e)?.note}`),
  );
  return [line(header), rule, ...rows.map(line), rule, line(footer), '', ...notes].join('\n');
}
