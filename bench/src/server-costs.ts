// What a request costs the servers, read from the servers themselves: PostgreSQL's own
// statistics (commits, writing transactions, WAL) and the CPU time Linux counts for the gateway
// processes and for every PostgreSQL process. Per request, these are properties of the design;
// requests per second on a shared 2-core box are not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/** Linux counts process CPU in clock ticks (USER_HZ), 100 a second on every common build. */
const TICK_MS = 10;

/** utime + stime (+ cutime + cstime: children that exited and were reaped) in ms. */
function cpuMs(pid: number, withReapedChildren = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 (state) on.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const at = (n: number) => Number(fields[n - 3]);
  const own = at(14) + at(15);
  return (withReapedChildren ? own + at(16) + at(17) : own) * TICK_MS;
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The postmaster and all its processes (backends, WAL writer, checkpointer...), in ms. */
function postgresCpuMs(postmaster: number): number {
  let total = cpuMs(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentOf(Number(entry)) === postmaster) total += cpuMs(Number(entry));
    } catch {
      // gone between the listing and the read: its time is in the postmaster's cutime now
    }
  }
  return total;
}

export interface CostSnapshot {
  commits: number;
  /** Transactions that wrote (took a transaction id): each one is a commit record in the WAL. */
  writingTransactions: number;
  walBytes: number;
  walRecords: number;
  /**
   * WAL flushes to disk (fsync/fdatasync): the durable commits, after group commit. With
   * fsync off PostgreSQL counts none: then the WAL writes (what a commit would have flushed).
   */
  walSyncs: number;
  /** WAL writes (write() calls): a commit that waits for its WAL writes at least once. */
  walWrites: number;
  postgresCpuMs: number;
  gatewayCpuMs: number;
}

export type Costs = CostSnapshot;

/**
 * Watches one database while gateways (`application_name` pay-gateway) run against it. Backends
 * report their statistics lazily (up to 10 s after they go idle), so `snapshot` first ends
 * the gateways' backends: an exiting backend reports everything, and the gateways' pools open
 * new connections on the next request (that reconnection is counted in the next phase).
 */
export class PostgresCosts {
  readonly #client: pg.Client;
  readonly #postmaster: number | null;

  private constructor(client: pg.Client, postmaster: number | null) {
    this.#client = client;
    this.#postmaster = postmaster;
  }

  static async open(databaseUrl: string): Promise<PostgresCosts> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'bench' });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // A server on another machine (TEST_DATABASE_URL) has no /proc here: its CPU is unknown.
    let postmaster: number | null = null;
    try {
      postmaster = parentOf(rows[0]!.pid);
    } catch {
      postmaster = null;
    }
    return new PostgresCosts(client, postmaster);
  }

  async snapshot(gatewayPids: number[]): Promise<CostSnapshot> {
    const gatewayCpuMs = gatewayPids.reduce((sum, pid) => sum + cpuMs(pid), 0);
    const { rows: ended } = await this.#client.query<{ pid: number }>(
      // In the select list: evaluated only for the rows the WHERE kept.
      `SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'pay-gateway'`,
    );
    // Wait until they are gone and reaped: their CPU time is then in the postmaster's cutime
    // (a process reaped while this reads would be counted nowhere).
    for (let i = 0; i < 500 && ended.some(({ pid }) => existsSync(`/proc/${pid}`)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await this.#client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await this.#client.query<{
      commits: string;
      xid: string;
      wal_bytes: string;
      wal_records: string;
      wal_sync: string;
      wal_write: string;
    }>(
      `SELECT d.xact_commit AS commits, pg_snapshot_xmax(pg_current_snapshot()) AS xid,
              w.wal_bytes, w.wal_records, w.wal_sync, w.wal_write
         FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = current_database()`,
    );
    const row = rows[0]!;
    return {
      commits: Number(row.commits),
      writingTransactions: Number(row.xid),
      walBytes: Number(row.wal_bytes),
      walRecords: Number(row.wal_records),
      walSyncs: Number(row.wal_sync) || Number(row.wal_write),
      walWrites: Number(row.wal_write),
      postgresCpuMs: this.#postmaster === null ? NaN : postgresCpuMs(this.#postmaster),
      gatewayCpuMs,
    };
  }

  /** Whether the server fsyncs its WAL (the throwaway test cluster does not). */
  async durable(): Promise<boolean> {
    const { rows } = await this.#client.query<{ fsync: string }>(
      `SELECT current_setting('fsync') AS fsync`,
    );
    return rows[0]!.fsync === 'on';
  }

  close(): Promise<void> {
    return this.#client.end();
  }
}

/** Gateway CPU alone (SQLite: no database server to count). */
export function gatewayCpuSnapshot(gatewayPids: number[]): CostSnapshot {
  return {
    commits: 0,
    writingTransactions: 0,
    walBytes: 0,
    walRecords: 0,
    walSyncs: 0,
    walWrites: 0,
    postgresCpuMs: 0,
    gatewayCpuMs: gatewayPids.reduce((sum, pid) => sum + cpuMs(pid), 0),
  };
}

/** (after − before) ÷ requests, each field. */
export function perRequest(before: CostSnapshot, after: CostSnapshot, requests: number): Costs {
  const per = (k: keyof CostSnapshot) => (after[k] - before[k]) / Math.max(1, requests);
  return {
    commits: per('commits'),
    writingTransactions: per('writingTransactions'),
    walBytes: per('walBytes'),
    walRecords: per('walRecords'),
    walSyncs: per('walSyncs'),
    walWrites: per('walWrites'),
    postgresCpuMs: per('postgresCpuMs'),
    gatewayCpuMs: per('gatewayCpuMs'),
  };
}

export function describeCosts(c: Costs): string {
  return (
    `${c.commits.toFixed(2)} commits (${c.writingTransactions.toFixed(2)} writing), ` +
    `${c.walSyncs.toFixed(2)} WAL syncs (${c.walWrites.toFixed(2)} writes), ${c.walBytes.toFixed(0)} WAL bytes in ` +
    `${c.walRecords.toFixed(2)} records, gateway CPU ${c.gatewayCpuMs.toFixed(3)} ms, ` +
    `PostgreSQL CPU ${c.postgresCpuMs.toFixed(3)} ms`
  );
}
