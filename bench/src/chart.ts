// A small SVG chart of every ratio on a log scale around 1× (bars grow left when ours is
// smaller/faster, right when bigger/slower), with each ratio goal drawn as a tick on its bar.
import type { Metric } from './metric';
import { verdict } from './table';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLORS = { PASS: '#2e7d32', FAIL: '#c62828', info: '#90a4ae' } as const;

export function ratioChart(metrics: readonly Metric[], title: string): string {
  const rows = metrics.filter((m) => m.ratio !== null && m.ratio > 0);
  const labelWidth = 300;
  const barWidth = 460;
  const rowHeight = 22;
  const top = 56;
  const height = top + rows.length * rowHeight + 40;
  const width = labelWidth + barWidth + 70;
  const values = rows.flatMap((m) => [
    m.ratio!,
    m.goalRatio ?? 1,
    ...(m.spread?.kind === 'ratio' ? [m.spread.low, m.spread.high] : []),
  ]);
  const lo = 2 ** Math.floor(Math.log2(Math.min(0.5, ...values)));
  const hi = 2 ** Math.ceil(Math.log2(Math.max(2, ...values)));
  const x = (r: number) =>
    labelWidth + ((Math.log2(r) - Math.log2(lo)) / (Math.log2(hi) - Math.log2(lo))) * barWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`,
    `<text x="10" y="38" fill="#555">ours ÷ floor or peer, log scale (for req/s higher is better; elsewhere lower)</text>`,
  ];
  for (let r = lo; r <= hi; r *= 2) {
    parts.push(
      `<line x1="${x(r)}" y1="${top - 6}" x2="${x(r)}" y2="${height - 34}" stroke="${r === 1 ? '#333' : '#e0e0e0'}"/>`,
      `<text x="${x(r)}" y="${height - 22}" text-anchor="middle" fill="#555">${r >= 1 ? r : `1/${1 / r}`}×</text>`,
    );
  }
  rows.forEach((m, i) => {
    const y = top + i * rowHeight;
    const color = COLORS[verdict(m) as keyof typeof COLORS];
    const [from, to] = [x(Math.min(1, m.ratio!)), x(Math.max(1, m.ratio!))];
    const right = m.ratio! >= 1;
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escape(m.name)}</text>`,
      `<rect x="${from}" y="${y + 3}" width="${Math.max(1, to - from)}" height="${rowHeight - 8}" fill="${color}"><title>${escape(`${m.name}: ${m.ratio!.toFixed(3)}× ${m.against}${m.goal ? `; goal ${m.goal}` : ''}`)}</title></rect>`,
      `<text x="${right ? to + 4 : from - 4}" y="${y + 14}" text-anchor="${right ? 'start' : 'end'}" fill="#333">${m.ratio!.toFixed(2)}×</text>`,
    );
    // The spread of a ratio over the bench's repeated runs: a whisker across the bar.
    if (m.spread?.kind === 'ratio')
      parts.push(
        `<line x1="${x(m.spread.low)}" y1="${y + rowHeight / 2 - 1}" x2="${x(m.spread.high)}" y2="${y + rowHeight / 2 - 1}" stroke="#000" stroke-opacity="0.6"><title>${escape(`spread ${m.spread.low.toFixed(2)}–${m.spread.high.toFixed(2)}×: ${m.spread.over}`)}</title></line>`,
      );
    if (m.goalRatio !== null)
      parts.push(
        `<line x1="${x(m.goalRatio)}" y1="${y}" x2="${x(m.goalRatio)}" y2="${y + rowHeight - 2}" stroke="#000" stroke-width="2"/>`,
      );
  });
  parts.push(
    `<text x="10" y="${height - 6}" fill="#555">green: goal met · red: missed · grey: no ratio goal · black tick: the goal · thin line: spread over runs</text>`,
    '</svg>',
  );
  return parts.join('\n') + '\n';
}
