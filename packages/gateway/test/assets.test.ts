import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { frameCsp } from '../src/frame-csp.js';
import { startGateway } from './harness.js';
import type { Gateway } from './harness.js';

describe('static assets: /frame/v1 and /sdk/v1', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  it('answers 404 not_found until the builds exist, then serves them without a restart', async () => {
    const missing = await fetch(`${gw.url}/sdk/v1/pay.js`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
    assert.equal((await fetch(`${gw.url}/frame/v1/`)).status, 404);

    const frameDir = join(gw.dir, 'frame-dist');
    const sdkDir = join(gw.dir, 'sdk-dist');
    mkdirSync(join(frameDir, 'assets'), { recursive: true });
    mkdirSync(sdkDir, { recursive: true });
    writeFileSync(
      join(frameDir, 'index.html'),
      '<!doctype html><script type="module" src="assets/app.js"></script>',
    );
    writeFileSync(join(frameDir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(sdkDir, 'pay.js'), 'export const ok = 1;');

    const sdk = await fetch(`${gw.url}/sdk/v1/pay.js`, {
      headers: { origin: 'https://shop.example' },
    });
    assert.equal(sdk.status, 200);
    assert.match(sdk.headers.get('content-type') ?? '', /javascript/);
    assert.equal(sdk.headers.get('access-control-allow-origin'), '*');
    assert.equal(sdk.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(sdk.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await sdk.text(), 'export const ok = 1;');

    for (const path of ['/frame/v1/', '/frame/v1/index.html', '/frame/v1/assets/app.js']) {
      const frame = await fetch(`${gw.url}${path}`);
      assert.equal(frame.status, 200, path);
      assert.equal(frame.headers.get('content-security-policy'), frameCsp);
      assert.equal(frame.headers.get('x-frame-options'), null, 'merchants frame these anywhere');
      assert.equal(frame.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(frame.headers.get('referrer-policy'), 'no-referrer');
    }
  });

  it('the frame CSP is strict: no inline script, no eval, no frame-ancestors', () => {
    assert.match(frameCsp, /default-src 'none'/);
    assert.match(frameCsp, /script-src 'self'(;|$)/);
    assert.match(frameCsp, /connect-src 'self'/);
    assert.doesNotMatch(frameCsp, /unsafe-inline|unsafe-eval|frame-ancestors/);
  });

  it('does not serve files outside the build folders', async () => {
    for (const path of [
      '/frame/v1/../../package.json',
      '/sdk/v1/..%2f..%2fpackage.json',
      '/frame/v1/%2e%2e/gateway.sqlite',
    ]) {
      const answer = await fetch(`${gw.url}${path}`);
      assert.ok(
        answer.status === 404 || answer.status === 403 || answer.status === 400,
        `${path} → ${answer.status}`,
      );
    }
  });
});
