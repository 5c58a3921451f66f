/* global AbortSignal, setInterval */
// `npm start`: builds the SDK and frames, starts the sandbox gateway and the demo shop on two
// origins, waits until both answer, prints where to go, and stops both on Ctrl-C / SIGTERM.
//
//   PORT       gateway port (default 8787), served as http://localhost:PORT
//   DEMO_PORT  shop port (default 5173), served as http://127.0.0.1:DEMO_PORT
//   DATA_DIR   the gateway's database and the test merchant's keys (default .data/)
//   SKIP_BUILD=1 skips `npm run build` (when the dist/ folders are fresh)
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = resolve(ROOT, process.env.DATA_DIR || '.data');
const KEYS_FILE = join(DATA_DIR, 'demo-merchant.json');
const gatewayPort = Number(process.env.PORT ?? 8787);
const shopPort = Number(process.env.DEMO_PORT ?? 5173);
const gatewayUrl = `http://localhost:${gatewayPort}`;
const shopUrl = `http://127.0.0.1:${shopPort}`;
const READY_TIMEOUT_MS = 60_000;

/** The test merchant's keys: made once, kept in .data/ so the shop and gateway agree across runs. */
function merchantKeys() {
  if (existsSync(KEYS_FILE)) return JSON.parse(readFileSync(KEYS_FILE, 'utf8'));
  mkdirSync(DATA_DIR, { recursive: true });
  const suffix = randomBytes(12).toString('hex');
  const keys = {
    publishable_key: `pk_test_${suffix}`,
    secret_key: `sk_test_${randomBytes(24).toString('hex')}`,
  };
  writeFileSync(KEYS_FILE, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600 });
  return keys;
}

function build() {
  if (process.env.SKIP_BUILD === '1') return;
  console.log('Building the SDK, the frames and the shop (npm run build)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Build failed; nothing was started.');
    process.exit(result.status ?? 1);
  }
}

const children = [];
let stopping = false;

function run(name, script, env) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, out) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[${name}] stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
    stop(1);
  });
  children.push(child);
  return child;
}

async function waitFor(url, name) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`${name} did not answer ${url} within ${READY_TIMEOUT_MS / 1000}s.`);
  stop(1);
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (code === 0) console.log('\nStopping the shop and the gateway...');
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (alive.length === 0) process.exit(code);
  let left = alive.length;
  const force = setTimeout(() => {
    for (const c of alive) c.kill('SIGKILL');
  }, 5000);
  for (const c of alive) {
    c.once('exit', () => {
      left -= 1;
      if (left === 0) {
        clearTimeout(force);
        process.exit(code);
      }
    });
    c.kill('SIGTERM');
  }
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// `npm start` killed with SIGTERM dies without passing it on (its shell does not forward it):
// when this process is orphaned, stop too rather than leave two servers behind.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0);
}, 1000).unref();

/** A port already taken would let an old server answer our readiness checks: refuse early. */
function assertFree(port, host, variable) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => {
      console.error(
        `Port ${port} on ${host} is in use (another npm start?). Stop it, or set ${variable}.`,
      );
      process.exit(1);
    });
    probe.listen(port, host, () => probe.close(resolvePort));
  });
}

await assertFree(gatewayPort, 'localhost', 'PORT');
await assertFree(shopPort, '127.0.0.1', 'DEMO_PORT');
build();
const keys = merchantKeys();
run('gateway', 'packages/gateway/src/main.ts', {
  PORT: String(gatewayPort),
  DATA_DIR,
  // One line per request drowns the banner; LOG_LEVEL=info brings them back.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  PAY_SEED_PUBLISHABLE_KEY: keys.publishable_key,
  PAY_SEED_SECRET_KEY: keys.secret_key,
});
run('shop', 'demo/server/main.ts', {
  DEMO_PORT: String(shopPort),
  DEMO_HOST: '127.0.0.1',
  GATEWAY_URL: gatewayUrl,
  DEMO_PUBLISHABLE_KEY: keys.publishable_key,
  DEMO_SECRET_KEY: keys.secret_key,
});
await Promise.all([
  waitFor(`${gatewayUrl}/healthz`, 'The gateway'),
  waitFor(`${shopUrl}/healthz`, 'The shop'),
]);

if (!stopping) {
  const cards = JSON.parse(readFileSync(join(ROOT, 'demo/test-cards.json'), 'utf8'));
  console.log(`
  Shop (merchant site)   ${shopUrl}
  Orders (back office)   ${shopUrl}/orders
  Gateway (API + SDK)    ${gatewayUrl}
  Test merchant keys     ${keys.publishable_key} (publishable), secret key in ${relative(process.cwd(), KEYS_FILE)}

  Test cards (any future expiry, any CVC of the right length):
${cards.map((c) => `    ${c.number.padEnd(22)} ${c.outcome}`).join('\n')}

  Press Ctrl-C to stop both.
`);
}
