import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startGateway } from './harness.js';
import type { Gateway } from './harness.js';
import { rawGet as get, type RawAnswer } from './raw-http.js';

function decoded(answer: RawAnswer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  assert.equal(encoding, undefined);
  return answer.body;
}

const sha384 = (bytes: Uint8Array) =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const CHUNK = 'three-d-secure-CWXD6CGD.js';
// Like the real build: pay.js imports its chunk relative to itself. Long enough to compress.
const payJs =
  `export const handleNextAction = (p) => import("./${CHUNK}").then((c) => c.run(p));\n` +
  Array.from({ length: 300 }, (_, i) => `export const v${i} = ${i * 7};`).join('\n');
const chunkJs = Array.from({ length: 200 }, (_, i) => `export const c${i} = ${i * 3};`).join('\n');
const elementsJson = JSON.stringify({ schemaVersion: '1.0.0', modules: [] });

/** What `npm run build -w @pay/host` leaves in dist: the files, then integrity.json. */
function writeRelease(dir: string, version: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const hashes: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    hashes[name] = sha384(Buffer.from(text));
  }
  writeFileSync(join(dir, 'integrity.json'), JSON.stringify({ version, files: hashes }, null, 2));
}

interface ErrorBody {
  error: { type: string; code: string; message: string; request_id: string };
}

function assertNotFound(answer: RawAnswer, path: string): void {
  assert.equal(answer.status, 404, path);
  assert.match(String(answer.headers['content-type']), /application\/json/, path);
  assert.notEqual(answer.headers['cache-control'], IMMUTABLE, path);
  const body = JSON.parse(answer.body.toString()) as ErrorBody;
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message', 'request_id', 'type']);
  assert.equal(body.error.type, 'invalid_request_error', path);
  assert.equal(body.error.code, 'not_found', path);
  assert.equal(body.error.request_id, answer.headers['request-id'], path);
}

describe('versioned SDK: /sdk/v<version>/ with its integrity.json', () => {
  let gw: Gateway;
  let sdkDir: string;
  const release = { 'pay.js': payJs, [CHUNK]: chunkJs, 'custom-elements.json': elementsJson };
  before(async () => {
    gw = await startGateway();
    sdkDir = join(gw.dir, 'sdk-dist');
  });
  after(() => gw.close());

  it('answers 404 not_found while no release is built', async () => {
    assertNotFound(await get(`${gw.url}/sdk/v0.1.0/pay.js`), 'unbuilt pay.js');
    assertNotFound(await get(`${gw.url}/sdk/v0.1.0/integrity.json`), 'unbuilt integrity.json');
  });

  it('serves pay.js and its chunk for a year, with the SDK headers, as br, gzip or identity', async () => {
    writeRelease(sdkDir, '0.1.0', release);
    const base = `${gw.url}/sdk/v0.1.0/`;
    const pay = await get(`${base}pay.js`);
    // The chunk is found where the browser looks for it: relative to the pay.js it loaded.
    const specifier = /import\("([^"]+)"\)/.exec(pay.body.toString())?.[1];
    assert.ok(specifier);
    const chunkUrl = new URL(specifier, `${base}pay.js`).href;
    assert.equal(chunkUrl, `${base}${CHUNK}`);

    for (const [url, text] of [
      [`${base}pay.js`, payJs],
      [chunkUrl, chunkJs],
    ] as const) {
      for (const acceptEncoding of ['br', 'gzip', '']) {
        const answer = await get(url, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
        assert.equal(answer.status, 200, url);
        assert.equal(answer.headers['content-encoding'], acceptEncoding || undefined, url);
        assert.equal(decoded(answer).toString(), text, url);
        assert.equal(answer.headers['cache-control'], IMMUTABLE, url);
        assert.match(String(answer.headers['content-type']), /javascript/, url);
        assert.equal(answer.headers['access-control-allow-origin'], '*', url);
        assert.equal(answer.headers['cross-origin-resource-policy'], 'cross-origin', url);
        assert.equal(answer.headers['x-content-type-options'], 'nosniff', url);
        assert.equal(answer.headers['content-security-policy'], "default-src 'none'", url);
        assert.equal(answer.headers['referrer-policy'], 'no-referrer', url);
        assert.match(String(answer.headers.vary), /accept-encoding/i, url);
        assert.ok(answer.headers.etag, url);
      }
    }
    const etag = String(pay.headers.etag);
    const again = await get(`${base}pay.js`, { 'if-none-match': etag });
    assert.equal(again.status, 304);
  });

  it('integrity.json lists every file of the release, each hash that of the body served', async () => {
    writeRelease(sdkDir, '0.1.0', release);
    const base = `${gw.url}/sdk/v0.1.0/`;
    const answer = await get(`${base}integrity.json`, { origin: 'https://shop.example' });
    assert.equal(answer.status, 200);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    assert.equal(answer.headers['cache-control'], IMMUTABLE);
    assert.equal(answer.headers['access-control-allow-origin'], '*', 'a browser may fetch it');
    assert.equal(answer.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    const manifest = JSON.parse(answer.body.toString()) as {
      version: string;
      files: Record<string, string>;
    };
    assert.equal(manifest.version, '0.1.0');
    const built = readdirSync(sdkDir)
      .filter((name) => name !== 'integrity.json')
      .sort();
    assert.deepEqual(Object.keys(manifest.files).sort(), built);

    for (const [name, hash] of Object.entries(manifest.files)) {
      assert.match(hash, /^sha384-[A-Za-z0-9+/]{64}$/, name);
      for (const acceptEncoding of ['gzip, deflate, br', 'gzip', '']) {
        const served = await get(`${base}${name}`, { 'accept-encoding': acceptEncoding });
        assert.equal(served.status, 200, name);
        // SRI checks the decoded body: the hash is of the file, whatever the coding.
        assert.equal(sha384(decoded(served)), hash, `${name} as "${acceptEncoding}"`);
      }
    }
  });

  it('unknown versions and files answer the documented 404, never a stack trace', async () => {
    writeRelease(sdkDir, '0.1.0', release);
    for (const path of [
      '/sdk/v9.9.9/pay.js',
      '/sdk/v0.1.1/integrity.json',
      '/sdk/v0.1/pay.js',
      '/sdk/v1.0.0/pay.js',
      '/sdk/v10/pay.js',
      '/sdk/vlatest/pay.js',
      '/sdk/v0.1.0/missing.js',
      '/sdk/v0.1.0/pay.js.map',
      '/sdk/v0.1.0/',
      '/sdk/v0.1.0/nested/pay.js',
    ]) {
      const answer = await get(`${gw.url}${path}`);
      assertNotFound(answer, path);
      assert.doesNotMatch(answer.body.toString(), /\bat .*\.(?:ts|js):\d+/, path);
    }
    // Longer than any path parameter may be: refused before routing, with the same body shape.
    const long = await get(`${gw.url}/sdk/v${'9'.repeat(2000)}/pay.js`);
    assert.equal(long.status, 400);
    assert.equal((JSON.parse(long.body.toString()) as ErrorBody).error.code, 'validation_error');
  });

  it('refuses path traversal out of the release directory', async () => {
    writeRelease(sdkDir, '0.1.0', release);
    writeFileSync(join(gw.dir, 'secret.json'), '{"secret":true}');
    for (const path of [
      '/sdk/v0.1.0/../secret.json',
      '/sdk/v0.1.0/..%2f..%2fsecret.json',
      '/sdk/v0.1.0/%2e%2e%2fsecret.json',
      '/sdk/v0.1.0/%2e%2e/secret.json',
      '/sdk/v..%2f..%2f/secret.json',
      '/sdk/v0.1.0/..%5csecret.json',
      '/sdk/v0.1.0/.%2fpay.js',
      '/sdk/v0.1.0/%00pay.js',
      '/sdk/v0.1.0/%zz',
    ]) {
      const answer = await get(`${gw.url}${path}`);
      assert.ok([400, 403, 404].includes(answer.status), `${path} → ${answer.status}`);
      assert.doesNotMatch(answer.body.toString(), /secret|\bat .*:\d+/, path);
      assert.match(String(answer.headers['content-type']), /application\/json/, path);
      const body = JSON.parse(answer.body.toString()) as ErrorBody;
      assert.ok(['not_found', 'validation_error'].includes(body.error.code), path);
    }
  });

  it('the moving /sdk/v1/ URL is unchanged: the current build, revalidated on each use', async () => {
    writeRelease(sdkDir, '0.1.0', release);
    const pay = await get(`${gw.url}/sdk/v1/pay.js`, { 'accept-encoding': 'br' });
    assert.equal(pay.status, 200);
    assert.equal(pay.headers['cache-control'], 'no-cache');
    assert.equal(pay.headers['content-encoding'], 'br');
    assert.equal(decoded(pay).toString(), payJs);
    assert.equal(pay.headers['access-control-allow-origin'], '*');
    assert.equal(pay.headers['cross-origin-resource-policy'], 'cross-origin');
    const chunk = await get(`${gw.url}/sdk/v1/${CHUNK}`);
    assert.equal(chunk.headers['cache-control'], IMMUTABLE, 'content-hashed, as before');
  });

  it('never publishes a hash that differs from the bytes served; a new release moves the URL', async () => {
    writeRelease(sdkDir, '0.1.0', release);
    assert.equal((await get(`${gw.url}/sdk/v0.1.0/pay.js`)).status, 200);

    // Edited after its build: the hashes no longer hold, so the release is not served.
    writeFileSync(join(sdkDir, 'pay.js'), `${payJs}\nalert(1);`);
    assertNotFound(await get(`${gw.url}/sdk/v0.1.0/pay.js`), 'tampered pay.js');
    assertNotFound(await get(`${gw.url}/sdk/v0.1.0/integrity.json`), 'tampered manifest');
    assert.match(gw.logs(), /pay\.js does not match integrity\.json/);
    assert.equal((await get(`${gw.url}/sdk/v1/pay.js`)).status, 200, 'the moving URL still works');

    const next = { ...release, 'pay.js': `${payJs}\nexport const next = 1;` };
    writeRelease(sdkDir, '0.2.0', next);
    assertNotFound(await get(`${gw.url}/sdk/v0.1.0/pay.js`), 'previous release');
    const served = await get(`${gw.url}/sdk/v0.2.0/pay.js`);
    assert.equal(served.status, 200);
    assert.equal(served.body.toString(), next['pay.js']);
  });

  it('a malformed or hostile integrity.json serves no release', async () => {
    for (const manifest of [
      'not json',
      '{"version":"0.1.0"}',
      '{"version":"../x","files":{}}',
      `{"version":"0.1.0","files":{"../secret.json":"${sha384(Buffer.from('x'))}"}}`,
      '{"version":"0.1.0","files":{"pay.js":"md5-abc"}}',
    ]) {
      writeRelease(sdkDir, '0.1.0', release);
      writeFileSync(join(sdkDir, 'integrity.json'), manifest);
      assertNotFound(await get(`${gw.url}/sdk/v0.1.0/pay.js`), manifest);
      assertNotFound(await get(`${gw.url}/sdk/v0.1.0/integrity.json`), manifest);
    }
  });
});
