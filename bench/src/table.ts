// The results as a plain-text table for stdout.
import type { Metric } from './metric';

export function formatValue(value: number, unit: string): string {
  const digits =
    unit === 'ms' ? (value < 10 ? 2 : 1) : unit === 'MiB' ? 1 : unit === 'score' ? 4 : 0;
  if (unit.endsWith('/token')) return `${value.toFixed(2)} ${unit}`;
  return `${value.toFixed(digits)} ${unit}`;
}

export function verdict(m: Metric): string {
  return m.pass === null ? 'info' : m.pass ? 'PASS' : 'FAIL';
}

/** A ratio's spread as `1.21–1.43×`; a difference's in the metric's unit. */
export function formatSpread(m: Metric): string {
  if (!m.spread) return '';
  const { low, high } = m.spread;
  return m.spread.kind === 'difference'
    ? `${low.toFixed(2)}–${high.toFixed(2)} ${m.unit}`
    : `${low.toFixed(2)}–${high.toFixed(2)}×`;
}

export function formatTable(metrics: readonly Metric[]): string {
  const header = ['metric', 'value', 'floor / peer', 'ratio', 'spread over runs', 'goal', ''];
  const rows = metrics.map((m) => [
    m.name,
    formatValue(m.value, m.unit),
    m.againstValue === null ? m.against : `${m.against} ${formatValue(m.againstValue, m.unit)}`,
    m.ratio === null ? '' : `${m.ratio.toFixed(2)}×`,
    formatSpread(m),
    m.goal,
    verdict(m),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
