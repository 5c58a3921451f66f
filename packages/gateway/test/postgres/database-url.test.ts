import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startGateway } from '../../../../test/harness/gateway-process.js';

/** A DATABASE_URL that cannot work stops the start with one clear line, password unshown. */
describe('a bad DATABASE_URL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-badurl-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [label, url, expected] of [
    ['no database name', 'postgres://pay:s3cret@127.0.0.1:5432', /no database name/],
    [
      'a server that is not there',
      'postgres://pay:s3cret@127.0.0.1:1/pay',
      /cannot open PostgreSQL at postgres:\/\/pay@127\.0\.0\.1:1\/pay: .*ECONNREFUSED/,
    ],
  ] as const) {
    it(`fails at start: ${label}`, async () => {
      const failure = await startGateway({
        host: '127.0.0.1',
        env: { LOG_LEVEL: 'warn', DATABASE_URL: url, DATA_DIR: dir },
      }).then(
        () => assert.fail('the gateway started'),
        (error: Error) => error.message,
      );
      const output = failure.replace(/^gateway exited 1: /, '').trim();
      assert.equal(output.split('\n').length, 1, output);
      assert.match(output, /^DATABASE_URL: /);
      assert.match(output, expected);
      assert.doesNotMatch(output, /s3cret/);
    });
  }
});
