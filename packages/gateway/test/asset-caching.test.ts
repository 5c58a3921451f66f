import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { frameCsp } from '../src/frame-csp.js';
import { startGateway } from './harness.js';
import type { Gateway } from './harness.js';
import { rawGet as get } from './raw-http.js';

// Text that compresses well but is not trivially repetitive.
const script = Array.from({ length: 400 }, (_, i) => `export const v${i} = ${i * 7};`).join('\n');
const html =
  '<!doctype html><script type="module" src="./assets/index-7XH7HWyh.js"></script>' +
  '<!-- padding -->'.repeat(100);

describe('static assets: cache headers and compression', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
    const frameDir = join(gw.dir, 'frame-dist');
    const sdkDir = join(gw.dir, 'sdk-dist');
    mkdirSync(join(frameDir, 'assets'), { recursive: true });
    mkdirSync(sdkDir, { recursive: true });
    writeFileSync(join(frameDir, 'index.html'), html);
    writeFileSync(join(frameDir, 'assets', 'index-7XH7HWyh.js'), script);
    writeFileSync(join(frameDir, 'assets', 'app-settings.js'), script);
    writeFileSync(join(sdkDir, 'pay.js'), script);
    writeFileSync(join(sdkDir, 'three-d-secure-CWXD6CGD.js'), script);
  });
  after(() => gw.close());

  it('content-hashed files are immutable for a year; HTML and the SDK entry revalidate', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    const expected: [string, string][] = [
      ['/frame/v1/assets/index-7XH7HWyh.js', immutable],
      ['/sdk/v1/three-d-secure-CWXD6CGD.js', immutable],
      ['/frame/v1/assets/app-settings.js', 'no-cache'],
      ['/frame/v1/', 'no-cache'],
      ['/frame/v1/index.html', 'no-cache'],
      ['/sdk/v1/pay.js', 'no-cache'],
    ];
    for (const [path, cacheControl] of expected) {
      const answer = await get(`${gw.url}${path}`);
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers['cache-control'], cacheControl, path);
      assert.ok(answer.headers.etag, `${path} has no ETag`);
    }
    // Missing files are errors, never cached for a year.
    const missing = await get(`${gw.url}/frame/v1/assets/gone-7XH7HWyh.js`);
    assert.equal(missing.status, 404);
    assert.notEqual(missing.headers['cache-control'], immutable);
  });

  it('serves br or gzip as accepted, identity otherwise, with the security headers kept', async () => {
    for (const path of ['/frame/v1/assets/index-7XH7HWyh.js', '/frame/v1/', '/sdk/v1/pay.js']) {
      const original = path === '/frame/v1/' ? html : script;
      const br = await get(`${gw.url}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br', path);
      assert.equal(brotliDecompressSync(br.body).toString(), original, path);
      assert.ok(br.body.length < original.length / 2, `${path}: ${br.body.length} bytes`);
      assert.equal(Number(br.headers['content-length']), br.body.length, path);
      assert.match(String(br.headers.vary), /accept-encoding/i, path);
      assert.equal(br.headers['accept-ranges'], undefined, path);

      const gz = await get(`${gw.url}${path}`, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip', path);
      assert.equal(gunzipSync(gz.body).toString(), original, path);

      const refused = await get(`${gw.url}${path}`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
      assert.equal(refused.headers['content-encoding'], undefined, path);
      assert.equal(refused.body.toString(), original, path);
      const plain = await get(`${gw.url}${path}`);
      assert.equal(plain.headers['content-encoding'], undefined, path);
      assert.equal(plain.body.toString(), original, path);

      for (const answer of [br, gz, plain]) {
        assert.equal(answer.headers['x-content-type-options'], 'nosniff', path);
        assert.equal(answer.headers['referrer-policy'], 'no-referrer', path);
        if (path.startsWith('/frame/')) {
          assert.equal(answer.headers['content-security-policy'], frameCsp, path);
        } else {
          assert.equal(answer.headers['content-security-policy'], "default-src 'none'", path);
          assert.equal(answer.headers['access-control-allow-origin'], '*', path);
          assert.equal(answer.headers['cross-origin-resource-policy'], 'cross-origin', path);
        }
      }
    }
  });

  it('a compressed answer revalidates with its ETag (304), and a rebuild is served at once', async () => {
    const path = `${gw.url}/sdk/v1/pay.js`;
    const first = await get(path, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);

    const rebuilt = `${script}\nexport const rebuilt = true;`;
    writeFileSync(join(gw.dir, 'sdk-dist', 'pay.js'), rebuilt);
    const fresh = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(fresh.status, 200);
    assert.notEqual(fresh.headers.etag, etag);
    assert.equal(brotliDecompressSync(fresh.body).toString(), rebuilt);
  });

  it('byte ranges and small files are served as they are', async () => {
    const ranged = await get(`${gw.url}/sdk/v1/three-d-secure-CWXD6CGD.js`, {
      'accept-encoding': 'br',
      range: 'bytes=0-9',
    });
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers['content-encoding'], undefined);
    assert.equal(ranged.body.toString(), script.slice(0, 10));
    writeFileSync(join(gw.dir, 'sdk-dist', 'tiny.js'), 'export {};');
    const tiny = await get(`${gw.url}/sdk/v1/tiny.js`, { 'accept-encoding': 'br' });
    assert.equal(tiny.headers['content-encoding'], undefined);
    assert.equal(tiny.body.toString(), 'export {};');
  });
});
