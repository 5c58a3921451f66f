// Family 6: after everything else ran, look at what stayed behind. Every gateway's SQLite
// file (main, -wal and -shm, raw bytes, including freed pages) and every captured log line
// (gateways and the demo shop) must hold no card number, no CVC and no secret key.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import Database from 'better-sqlite3';
import {
  crashSnapshots,
  startGateway,
  startedGateways,
  stopGateway,
} from '../../lib/gateway-process.js';
import { extraLogs } from '../../lib/extra-logs.js';
import { attack } from '../../lib/results.js';
import { shared } from '../../lib/shared.js';
import { usedSecrets } from '../../lib/test-cards.js';

/** A number as digits, grouped in fours, with dashes: the ways a log or page could hold it. */
function numberForms(number: string): string[] {
  const fours = number.match(/.{1,4}/g) ?? [];
  return [number, fours.join(' '), fours.join('-')];
}

/** The CVC next to a word that names it: how a plaintext CVC shows up in JSON, logs or forms. */
function cvcPattern(cvc: string): RegExp {
  return new RegExp(`(cvc|cvv|csc|security.?code)[^0-9a-z]{0,12}${cvc}(?![0-9])`, 'i');
}

function scanText(text: string, secrets: string[]): string | undefined {
  for (const number of usedSecrets.numbers) {
    for (const form of numberForms(number))
      if (text.includes(form)) return `card number ${number.slice(0, 6)}…${number.slice(-4)}`;
    // UTF-16 (a string stored by a binding in UTF-16) spelled out.
    if (text.includes(number.split('').join('\u0000')))
      return `card number ${number.slice(-4)} in UTF-16`;
  }
  for (const cvc of usedSecrets.cvcs)
    if (cvcPattern(cvc).test(text)) return `CVC ${cvc} next to its name`;
  for (const secret of secrets)
    if (text.includes(secret))
      return `a secret key (${secret.slice(0, 8)}…, ${secret.length} chars)`;
  return undefined;
}

/** Every cell of every table: no number, no cell that is exactly a CVC, no secret key. */
function scanCells(file: string, secrets: string[]): string | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).iterate() as Iterable<
        Record<string, unknown>
      >) {
        for (const [column, value] of Object.entries(row)) {
          const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
          const found = scanText(text, secrets);
          if (found) return `${found} in ${name}.${column}`;
          if (typeof value === 'string' && usedSecrets.cvcs.has(value) && column !== 'last4')
            return `a CVC as the whole value of ${name}.${column}`;
        }
      }
    }
  } finally {
    db.close();
  }
  return undefined;
}

/** The first offending line, and how many there are. */
function scanLines(
  lines: string[],
  secrets: string[],
  dataKey: string | undefined,
): string | undefined {
  const bad = lines
    .map((line, i) => ({
      i,
      line,
      found:
        scanText(line, secrets) ?? (dataKey && line.includes(dataKey) ? 'the data key' : undefined),
    }))
    .filter((x) => x.found);
  if (bad.length === 0) return undefined;
  const shown = bad.slice(0, 3).map((b) => `line ${b.i + 1}: ${b.found}: ${b.line.slice(0, 200)}`);
  return `${bad.length} line(s): ${shown.join(' | ')}`;
}

export function secretsAtRest(): void {
  describe('6 secrets at rest', () => {
    // A short secret key such as the e2e suite's own (sk_test_e2e): one start, then the same scans.
    const shortKeyGateway = shared(
      async () => stopGateway(await startGateway({ secretKey: 'sk_test_e2e' })),
      async () => {},
    );

    attack('database files, cells and structured logs of every gateway', async (result) => {
      await shortKeyGateway.get();
      for (const gw of startedGateways) {
        const secrets = [gw.secretKey];
        const files = readdirSync(gw.dataDir).filter((f) => f.startsWith('gateway.sqlite'));
        for (const f of files) {
          const bytes = readFileSync(join(gw.dataDir, f)).toString('latin1');
          result.record(
            `port ${gw.port}: raw bytes of ${f} (${bytes.length} bytes)`,
            scanText(bytes, secrets),
          );
        }
        if (existsSync(gw.databaseFile))
          result.record(
            `port ${gw.port}: every cell of every table`,
            scanCells(gw.databaseFile, secrets),
          );
        const dataKey = readFileSync(join(gw.dataDir, 'data-key'), 'utf8').trim();
        // The structured log (pino's JSON lines) is what gets shipped and kept; the rest is the
        // start-up banner and stderr, checked in their own case.
        const json = gw.logLines.filter((line) => line.startsWith('{'));
        result.record(
          `port ${gw.port}: ${json.length} structured log lines`,
          scanLines(json, secrets, dataKey),
        );
      }
    });

    attack('database files right after SIGKILL', async (result) => {
      const allSecrets = [...new Set(startedGateways.map((g) => g.secretKey))];
      for (const snap of crashSnapshots) {
        result.record(
          `${snap.name} right after SIGKILL (${snap.bytes.length} bytes)`,
          scanText(snap.bytes.toString('latin1'), allSecrets),
        );
      }
    });

    attack('gateway start-up banners and stderr', async (result) => {
      await shortKeyGateway.get();
      const allSecrets = [...new Set(startedGateways.map((g) => g.secretKey))];
      const otherOutput = startedGateways.flatMap((gw) =>
        gw.logLines.filter((line) => !line.startsWith('{')),
      );
      result.record(
        `gateway start-up banners and stderr (${startedGateways.length} data dirs, ${otherOutput.length} lines)`,
        scanLines(otherOutput, allSecrets, undefined),
      );
    });

    attack('merchant and demo shop server logs', async (result) => {
      for (const log of extraLogs) {
        const lines = log.lines();
        result.record(`${log.name}: ${lines.length} log lines`, scanLines(lines, [], undefined));
      }
    });
  });
}
