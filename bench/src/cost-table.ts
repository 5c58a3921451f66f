// The cost table: what one request costs the gateway and the database, per engine, number of
// instances and route. Printed after the goals and kept in the results as `costs`.
import type { Costs } from './server-costs';

export interface CostRow {
  engine: 'SQLite' | 'PostgreSQL';
  instances: number;
  route: 'POST /v1/tokens' | 'POST /v1/payments' | 'POST /bench/echo';
  /** Requests answered 2xx per second of wall time, all instances together. */
  rps: number;
  /** ms; the worst instance's. */
  p99: number;
  requests: number;
  /** Per request; SQLite has no database server to count (only gatewayCpuMs is set). */
  costs: Costs;
  /** Whether WAL flushes were fsyncs (PostgreSQL with fsync on) or only writes. */
  durable?: boolean;
}

export function formatCostTable(rows: readonly CostRow[]): string {
  const header = [
    'per request',
    'req/s',
    'p99 ms',
    'commits',
    'writing',
    'WAL flushes',
    'WAL bytes',
    'WAL records',
    'gateway CPU ms',
    'PG CPU ms',
  ];
  const pg = (r: CostRow, text: string) => (r.engine === 'PostgreSQL' ? text : '—');
  const cells = rows.map((r) => [
    `${r.route}, ${r.engine}, ${r.instances} instance${r.instances > 1 ? 's' : ''}`,
    r.rps.toFixed(0),
    r.p99.toFixed(0),
    pg(r, r.costs.commits.toFixed(2)),
    pg(r, r.costs.writingTransactions.toFixed(2)),
    pg(r, `${r.costs.walSyncs.toFixed(2)}${r.durable ? '' : ' (writes)'}`),
    pg(r, r.costs.walBytes.toFixed(0)),
    pg(r, r.costs.walRecords.toFixed(1)),
    r.costs.gatewayCpuMs.toFixed(2),
    pg(r, Number.isNaN(r.costs.postgresCpuMs) ? 'unknown' : r.costs.postgresCpuMs.toFixed(2)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
