// A small SVG bar chart of every ratio, with each goal drawn as a tick on its bar.
import type { Metric } from './metric';
import { verdict } from './table';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLORS = { PASS: '#2e7d32', FAIL: '#c62828', info: '#78909c' } as const;

export function ratioChart(metrics: readonly Metric[], title: string): string {
  const rows = metrics.filter((m) => m.ratio !== null);
  const labelWidth = 330;
  const barWidth = 420;
  const rowHeight = 22;
  const top = 40;
  const height = top + rows.length * rowHeight + 36;
  const width = labelWidth + barWidth + 90;
  const max = Math.max(2, ...rows.map((m) => Math.max(m.ratio!, m.goalRatio ?? 0))) * 1.05;
  const x = (r: number) => labelWidth + (Math.min(r, max) / max) * barWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`,
  ];
  rows.forEach((m, i) => {
    const y = top + i * rowHeight;
    const color = COLORS[verdict(m) as keyof typeof COLORS];
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escape(m.name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${x(m.ratio!) - labelWidth}" height="${rowHeight - 8}" fill="${color}"/>`,
      `<text x="${x(m.ratio!) + 4}" y="${y + 14}">${m.ratio!.toFixed(2)}×</text>`,
    );
    if (m.goalRatio !== null)
      parts.push(
        `<line x1="${x(m.goalRatio)}" y1="${y}" x2="${x(m.goalRatio)}" y2="${y + rowHeight - 2}" stroke="#000" stroke-width="2"><title>goal ${escape(m.goal)}</title></line>`,
      );
  });
  parts.push(
    `<line x1="${x(1)}" y1="${top - 8}" x2="${x(1)}" y2="${height - 24}" stroke="#555" stroke-dasharray="3 3"/>`,
    `<text x="${x(1)}" y="${height - 10}" text-anchor="middle" fill="#555">1× = equal to floor / peer</text>`,
    `<text x="10" y="${height - 10}" fill="#555">green: goal met · red: missed · grey: no goal · black tick: goal</text>`,
    '</svg>',
  );
  return parts.join('\n') + '\n';
}
