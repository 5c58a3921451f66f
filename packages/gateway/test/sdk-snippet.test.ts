// The ready-to-paste SRI snippet of each SDK release (/sdk/v<version>/snippet.html, and the
// current one at /sdk/v1/snippet.html): every URL it names is served with the very hash it
// gives, its CSP sources cover its own inline scripts, and the merchant guide's example is
// the snippet of the built release (written by the host build, so it cannot drift).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sdkSnippet, type SnippetRelease } from '@pay/protocol/sdk-snippet';
import { startGateway } from './harness.js';
import type { Gateway } from './harness.js';

const sha384 = (bytes: Uint8Array) =>
  `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

const CHUNK = 'three-d-secure-AB12CD34.js';
const files: Record<string, string> = {
  'pay.js': `export const handleNextAction = (p) => import("./${CHUNK}").then((c) => c.run(p));\n`,
  [CHUNK]: 'export const run = (p) => p;\n',
  'index.js': 'export {};\n',
  'index.d.ts': 'export {};\n',
};

/** A release as the host build writes it: files, then integrity.json with `script` and `npm`. */
function writeRelease(dir: string, version: string, withScript = true): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const hashes: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    hashes[name] = sha384(Buffer.from(text));
  }
  const script = { 'pay.js': hashes['pay.js'], [CHUNK]: hashes[CHUNK] };
  const manifest = withScript
    ? { version, script, npm: ['index.d.ts', 'index.js'], files: hashes }
    : { version, files: hashes };
  writeFileSync(join(dir, 'integrity.json'), JSON.stringify(manifest, null, 2));
}

/** What a merchant pastes, read as the browser would. */
function parseSnippet(html: string) {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const tag =
    /<script type="module" id="pay-sdk" src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous"><\/script>/.exec(
      html,
    );
  const inline = /<script>([^<]*)<\/script>/.exec(html)?.[1] ?? '';
  const csp = /<!-- Content-Security-Policy: script-src (.*?) \(with your own sources\) -->/.exec(
    html,
  )?.[1];
  return {
    importMap,
    integrity: (JSON.parse(importMap) as { integrity: Record<string, string> }).integrity,
    src: tag?.[1],
    srcIntegrity: tag?.[2],
    inline,
    scriptSrc: csp?.split(' ') ?? [],
  };
}

describe('the SRI snippet of an SDK release', () => {
  let gw: Gateway;
  let sdkDir: string;
  before(async () => {
    gw = await startGateway();
    sdkDir = join(gw.dir, 'sdk-dist');
    writeRelease(sdkDir, '0.1.0');
  });
  after(() => gw.close());

  it('/sdk/v0.1.0/snippet.html: every hash is that of the file served at its URL', async () => {
    const answer = await fetch(`${gw.url}/sdk/v0.1.0/snippet.html`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(answer.headers.get('access-control-allow-origin'), '*');
    const snippet = parseSnippet(await answer.text());

    assert.equal(snippet.src, `${gw.url}/sdk/v0.1.0/pay.js`);
    // The import map holds the script-tag files only (pay.js and its chunk), never npm files.
    assert.deepEqual(Object.keys(snippet.integrity), [
      `${gw.url}/sdk/v0.1.0/pay.js`,
      `${gw.url}/sdk/v0.1.0/${CHUNK}`,
    ]);
    for (const [url, hash] of [
      [snippet.src, snippet.srcIntegrity],
      ...Object.entries(snippet.integrity),
    ]) {
      const served = await fetch(url ?? '');
      assert.equal(served.status, 200, url);
      assert.equal(sha384(new Uint8Array(await served.arrayBuffer())), hash, url);
    }
  });

  it("its CSP sources are the release's path and the hashes of its two inline scripts", async () => {
    const snippet = parseSnippet(await (await fetch(`${gw.url}/sdk/v0.1.0/snippet.html`)).text());
    assert.deepEqual(snippet.scriptSrc, [
      `${gw.url}/sdk/v0.1.0/`,
      `'sha256-${sha256(snippet.importMap)}'`,
      `'sha256-${sha256(snippet.inline)}'`,
    ]);
    assert.match(snippet.inline, /addEventListener\("error"/);
  });

  it('/sdk/v1/snippet.html is the current release, pinned to its versioned URLs', async () => {
    const current = await fetch(`${gw.url}/sdk/v1/snippet.html`);
    assert.equal(current.status, 200);
    assert.equal(
      await current.text(),
      await (await fetch(`${gw.url}/sdk/v0.1.0/snippet.html`)).text(),
    );
  });

  it('another version, or a release whose integrity.json predates `script`, answers 404', async () => {
    const other = await fetch(`${gw.url}/sdk/v0.0.9/snippet.html`);
    assert.equal(other.status, 404);
    assert.equal(((await other.json()) as { error: { code: string } }).error.code, 'not_found');
    writeRelease(sdkDir, '0.1.0', false);
    try {
      assert.equal((await fetch(`${gw.url}/sdk/v0.1.0/snippet.html`)).status, 404);
      assert.equal((await fetch(`${gw.url}/sdk/v1/snippet.html`)).status, 404);
      // The files themselves are still served: only the snippet needs the newer manifest.
      assert.equal((await fetch(`${gw.url}/sdk/v0.1.0/pay.js`)).status, 200);
    } finally {
      writeRelease(sdkDir, '0.1.0');
    }
  });
});

describe("the merchant guide's SRI example", () => {
  const dist = new URL('../../host/dist/integrity.json', import.meta.url);

  it('is the snippet of the built release (npm run build -w @pay/host writes it)', () => {
    assert.ok(existsSync(dist), 'packages/host/dist is built (npm run build)');
    const built = JSON.parse(readFileSync(dist, 'utf8')) as SnippetRelease & {
      npm: string[];
      files: Record<string, string>;
    };
    // integrity.json: the script-tag files apart from the npm ones, `files` still all of them.
    assert.equal(Object.keys(built.script)[0], 'pay.js');
    assert.ok(Object.keys(built.script).some((name) => name.startsWith('three-d-secure-')));
    for (const name of ['index.js', 'node.js', 'index.d.ts', 'define.js']) {
      assert.ok(built.npm.includes(name), name);
      assert.ok(!(name in built.script), name);
    }
    assert.deepEqual(
      [...Object.keys(built.script), ...built.npm].sort(),
      Object.keys(built.files).sort(),
    );
    for (const [name, hash] of Object.entries(built.script)) assert.equal(built.files[name], hash);

    const guide = readFileSync(new URL('../../host/README.md', import.meta.url), 'utf8');
    const region =
      /<!-- sri-snippet:start[^\n]*\n<!-- prettier-ignore-start -->\n```html\n([\s\S]*?)```\n<!-- prettier-ignore-end -->\n<!-- sri-snippet:end -->/.exec(
        guide,
      );
    assert.ok(region, 'packages/host/README.md has the sri-snippet region');
    const { html } = sdkSnippet(built, 'https://gateway.example', sha256);
    assert.equal(region[1], html, 'rebuild the host (npm run build -w @pay/host)');
  });
});
