import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const mainFile = fileURLToPath(new URL('../src/main.ts', import.meta.url));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** `tsx src/main.ts` as other suites start it: env config, a temp DATA_DIR, port 0. */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`gateway exited ${code}: ${output}`));
    });
    const poll = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(poll);
        resolve({ child, url: match[1], output: () => output });
      }
    }, 25);
  });
}

function stop(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', () => resolve());
    started.child.kill('SIGTERM');
  });
}

describe('main.ts (env configuration)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-main-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the given keys, prints URL and keys, and answers /healthz', async () => {
    const gw = await start({
      DATA_DIR: dataDir,
      PAY_SEED_PUBLISHABLE_KEY: 'pk_test_e2e',
      PAY_SEED_SECRET_KEY: 'sk_test_e2e',
      PAY_TOKEN_RATE_LIMIT: '5000',
    });
    try {
      assert.match(gw.output(), /publishable key\s+pk_test_e2e/);
      assert.match(gw.output(), /secret key\s+sk_test_e2e/);
      assert.match(gw.output(), /generated a data key/);
      assert.ok(existsSync(join(dataDir, 'gateway.sqlite')));
      assert.equal((await fetch(`${gw.url}/healthz`)).status, 200);
      const token = await fetch(`${gw.url}/v1/tokens`, {
        method: 'POST',
        headers: { authorization: 'Bearer pk_test_e2e', 'content-type': 'application/json' },
        body: JSON.stringify({
          card: { number: '4242424242424242', exp_month: 12, exp_year: 2040, cvc: '123' },
        }),
      });
      assert.equal(token.status, 201);
      const { id } = (await token.json()) as { id: string };
      const payment = await fetch(`${gw.url}/v1/payments`, {
        method: 'POST',
        headers: { authorization: 'Bearer sk_test_e2e', 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 10, currency: 'usd', token: id }),
      });
      assert.equal(payment.status, 201);
    } finally {
      await stop(gw);
    }
  });

  it('restarts on the same data: keeps the merchant and data key, never prints the stored secret', async () => {
    const gw = await start({ DATA_DIR: dataDir });
    try {
      assert.match(gw.output(), /publishable key\s+pk_test_e2e/);
      assert.doesNotMatch(gw.output(), /sk_test_e2e/);
      assert.doesNotMatch(gw.output(), /generated a data key/);
      const list = await fetch(`${gw.url}/v1/payments`, {
        headers: { authorization: 'Bearer sk_test_e2e' },
      });
      assert.equal(((await list.json()) as { data: unknown[] }).data.length, 1);
    } finally {
      await stop(gw);
    }
  });

  it('refuses a malformed PAY_DATA_KEY with a clear message', async () => {
    await assert.rejects(
      start({ DATA_DIR: dataDir, PAY_DATA_KEY: 'short' }),
      /PAY_DATA_KEY must be 32 bytes/,
    );
  });
});
