// `npm start` (scripts/start.mjs) as a person runs it: both servers answer, the URLs and test
// cards are printed, and Ctrl-C (SIGINT) stops both. Needs no build: SKIP_BUILD=1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('npm start serves the shop and the gateway, then stops both on SIGINT', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'start-test-'));
  const [gatewayPort, shopPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SKIP_BUILD: '1',
      PORT: String(gatewayPort),
      DEMO_PORT: String(shopPort),
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    let out = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('Press Ctrl-C')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`start.mjs exited early (${code})`)));
    });
    const shopUrl = `http://127.0.0.1:${shopPort}`;
    const gatewayUrl = `http://localhost:${gatewayPort}`;
    assert.ok(out.includes(shopUrl) && out.includes(gatewayUrl), 'both URLs are printed');
    assert.ok(out.includes('4242 4242 4242 4242') && out.includes('4000 0025 0000 3155'));

    const keys = JSON.parse(readFileSync(join(dataDir, 'demo-merchant.json'), 'utf8'));
    assert.equal((await fetch(`${gatewayUrl}/healthz`)).status, 200);
    const home = await fetch(`${shopUrl}/`);
    assert.equal(home.status, 200);
    // The shop pays as the merchant the gateway was seeded with.
    const list = await fetch(`${gatewayUrl}/v1/payments`, {
      headers: { Authorization: `Bearer ${keys.secret_key}` },
    });
    assert.equal(list.status, 200);

    child.kill('SIGINT');
    assert.equal(await exited, 0);
    await assert.rejects(fetch(`${shopUrl}/healthz`));
    await assert.rejects(fetch(`${gatewayUrl}/healthz`));
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
