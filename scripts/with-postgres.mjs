#!/usr/bin/env node
// `node scripts/with-postgres.mjs <command…>`: runs the command with TEST_DATABASE_URL set. Given
// TEST_DATABASE_URL, that server is used as is; otherwise a throwaway PostgreSQL cluster is made
// (initdb in a temp dir, a free port, Debian's `postgresql` package installed when missing),
// run by an unprivileged user, and removed afterwards. The child also gets TEST_POSTGRES_CTL,
// a command prefix that stops or starts that server (the outage tests use it).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs <command> [args…]');
  process.exit(2);
}

function run(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
}

if (process.env.TEST_DATABASE_URL) process.exit(await run(command[0], command.slice(1)));

const isRoot = process.getuid?.() === 0;

/** Debian keeps the server binaries in /usr/lib/postgresql/<version>/bin. */
function findBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(base, versions[0], 'bin');
}

let binDir = findBinDir();
if (!binDir) {
  console.error("Installing Debian's postgresql (needed by the PostgreSQL tests)...");
  const sudo = isRoot ? [] : ['sudo'];
  const apt = (args) =>
    execFileSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'postgresql']);
  binDir = findBinDir();
  if (!binDir) throw new Error('postgresql was installed but no initdb was found');
}

// PostgreSQL refuses to run as root: the cluster belongs to `nobody` when we are root.
const user = 'nobody';
const as = (args) => (isRoot ? ['runuser', ['-u', user, '--', ...args]] : [args[0], args.slice(1)]);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'pay-postgres-'));
chmodSync(dir, 0o700);
if (isRoot) execFileSync('chown', [user, dir]);
const data = join(dir, 'data');
const port = await freePort();

function quiet(args) {
  const [cmd, rest] = as(args);
  const result = spawnSync(cmd, rest, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
}

const ctl = [
  join(binDir, 'pg_ctl'),
  '-D',
  data,
  '-l',
  join(dir, 'server.log'),
  '-w',
  '-o',
  // A throwaway cluster: no fsync (a crash loses the cluster, which is deleted anyway), unless
  // WITH_POSTGRES_FSYNC=on: the bench measures commits as durable as SQLite's.
  `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${process.env.WITH_POSTGRES_FSYNC === 'on' ? 'on' : 'off'} -c max_connections=200`,
];

let code = 1;
try {
  quiet([
    join(binDir, 'initdb'),
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  quiet([...ctl, 'start']);
  const [ctlCmd, ctlArgs] = as(ctl);
  code = await run(command[0], command.slice(1), {
    ...process.env,
    TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // JSON: the command and arguments that, followed by `stop` or `start`, control the server.
    TEST_POSTGRES_CTL: JSON.stringify([ctlCmd, ...ctlArgs]),
  });
} finally {
  try {
    quiet([...ctl, '-m', 'immediate', 'stop']);
  } catch {
    // Already stopped (a test stopped it and failed before starting it again).
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
