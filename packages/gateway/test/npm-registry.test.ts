// The @pay registry at /npm/ (routes/npm-registry.ts): packuments and tarballs of what
// `npm pack` wrote into the registry directory, as npm, pnpm and yarn read them. The clients
// themselves install through it in scripts/registry-install-test.mjs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startGateway } from './harness.js';
import type { Gateway } from './harness.js';
import { rawGet as get } from './raw-http.js';

const run = promisify(execFile);

interface VersionDoc {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: unknown;
  scripts?: unknown;
  dist: { tarball: string; integrity: string; shasum: string };
}
interface Packument {
  _id: string;
  name: string;
  'dist-tags': { latest: string };
  versions: Record<string, VersionDoc>;
  time: Record<string, string>;
}

/** `npm pack` of a made-up package: the same tool and format as the real build. */
async function pack(work: string, manifest: Record<string, unknown>): Promise<string> {
  const dir = mkdtempSync(join(work, 'pkg-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'index.js'),
    `export const version = ${JSON.stringify(manifest.version)};\n`,
  );
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
    {
      cwd: dir,
    },
  );
  return join(work, (JSON.parse(stdout) as [{ filename: string }])[0].filename);
}

const json = (body: Buffer) => JSON.parse(body.toString('utf8')) as unknown;

describe('the @pay npm registry at /npm/', () => {
  let gw: Gateway;
  let work: string;
  let npmDir: string;
  const tarballs = new Map<string, string>();

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'npm-registry-test-'));
    npmDir = join(work, 'registry');
    mkdirSync(npmDir);
    const made = await Promise.all([
      pack(work, {
        name: '@pay/host',
        version: '0.1.0',
        devDependencies: { '@pay/protocol': '^0.1.0' },
        scripts: { build: 'x' },
      }),
      pack(work, { name: '@pay/host', version: '0.2.0' }),
      pack(work, { name: '@pay/host', version: '0.3.0-beta.1' }),
      pack(work, {
        name: '@pay/react',
        version: '0.2.0',
        dependencies: { '@pay/host': '^0.2.0' },
        peerDependencies: { react: '^19.0.0' },
      }),
      pack(work, { name: 'left-pad', version: '1.0.0' }),
    ]);
    for (const file of made) {
      const name = file.slice(work.length + 1);
      copyFileSync(file, join(npmDir, name));
      tarballs.set(name, file);
    }
    // Neither a gzip nor a tarball: left out, the rest still served.
    writeFileSync(join(npmDir, 'pay-broken-1.0.0.tgz'), 'not a tarball');
    gw = await startGateway({ npmDir });
  });
  after(async () => {
    await gw.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('answers the packument at @pay%2fhost, @pay%2Fhost and @pay/host alike, as JSON revalidated each use', async () => {
    const answers = await Promise.all(
      ['@pay%2fhost', '@pay%2Fhost', '@pay/host'].map((name) => get(`${gw.url}/npm/${name}`)),
    );
    for (const answer of answers) {
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(answer.headers['cache-control'], 'no-cache');
      assert.deepEqual(answer.body, answers[0]?.body);
    }
    const etag = answers[0]?.headers.etag as string;
    const again = await get(`${gw.url}/npm/@pay%2fhost`, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  it('lists every version; latest is the highest release, not a pre-release', async () => {
    const doc = json((await get(`${gw.url}/npm/@pay%2fhost`)).body) as Packument;
    assert.equal(doc._id, '@pay/host');
    assert.equal(doc.name, '@pay/host');
    assert.deepEqual(doc['dist-tags'], { latest: '0.2.0' });
    assert.deepEqual(Object.keys(doc.versions).sort(), ['0.1.0', '0.2.0', '0.3.0-beta.1']);
    for (const version of Object.keys(doc.versions))
      assert.match(doc.time[version] ?? '', /^\d{4}-/);
    // Build-time fields stay out: devDependencies would name the workspace-only @pay/protocol.
    assert.equal(doc.versions['0.1.0']?.devDependencies, undefined);
    assert.equal(doc.versions['0.1.0']?.scripts, undefined);
  });

  it("dist names an absolute tarball URL and the served bytes' sha512 integrity and sha1 shasum", async () => {
    const doc = json((await get(`${gw.url}/npm/@pay%2freact`)).body) as Packument;
    const version = doc.versions['0.2.0'] as VersionDoc;
    assert.deepEqual(version.dependencies, { '@pay/host': '^0.2.0' });
    assert.equal(version.dist.tarball, `${gw.url}/npm/@pay/react/-/react-0.2.0.tgz`);

    const tarball = await get(version.dist.tarball);
    assert.equal(tarball.status, 200);
    assert.equal(tarball.headers['content-type'], 'application/octet-stream');
    assert.equal(tarball.headers['cache-control'], 'no-cache');
    assert.deepEqual(tarball.body, readFileSync(tarballs.get('pay-react-0.2.0.tgz') as string));
    const sha512 = `sha512-${createHash('sha512').update(tarball.body).digest('base64')}`;
    assert.equal(version.dist.integrity, sha512);
    assert.equal(version.dist.shasum, createHash('sha1').update(tarball.body).digest('hex'));
    const again = await get(version.dist.tarball, {
      'if-none-match': tarball.headers.etag as string,
    });
    assert.equal(again.status, 304);
  });

  it('names tarballs under PAY_PUBLIC_URL when the gateway has one', async () => {
    const behindProxy = await startGateway({ npmDir, publicUrl: 'https://sandbox.example/' });
    try {
      const doc = json((await get(`${behindProxy.url}/npm/@pay%2fhost`)).body) as Packument;
      assert.equal(
        doc.versions['0.2.0']?.dist.tarball,
        'https://sandbox.example/npm/@pay/host/-/host-0.2.0.tgz',
      );
    } finally {
      await behindProxy.close();
    }
  });

  it("answers the npm registry's 404 for anything it does not serve", async () => {
    for (const path of [
      '@pay%2fnope',
      '@pay%2fbroken',
      'left-pad',
      '@other%2fhost',
      '@pay%2fhost/-/host-9.9.9.tgz',
      '@pay%2fhost/-/react-0.2.0.tgz',
      '@pay%2fhost/0.1.0',
      '',
    ]) {
      const answer = await get(`${gw.url}/npm/${path}`);
      assert.equal(answer.status, 404, path);
      assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8', path);
      assert.equal(answer.headers['cache-control'], 'no-store', path);
      assert.deepEqual(json(answer.body), { error: 'Not found' }, path);
    }
  });

  it('reaches no file outside the registry directory', async () => {
    // The path folds to /package.json, outside /npm/: the gateway's own 404.
    const answer = await get(`${gw.url}/npm/@pay/host/-/../../../../package.json`);
    assert.equal(answer.status, 404);
    assert.doesNotMatch(answer.body.toString('utf8'), /"name"/);
  });

  it('serves a version packed after the start without a restart', async () => {
    const file = await pack(work, { name: '@pay/host', version: '0.4.0' });
    copyFileSync(file, join(npmDir, 'pay-host-0.4.0.tgz'));
    const doc = json((await get(`${gw.url}/npm/@pay%2fhost`)).body) as Packument;
    assert.equal(doc['dist-tags'].latest, '0.4.0');
    rmSync(join(npmDir, 'pay-host-0.4.0.tgz'));
    const after = json((await get(`${gw.url}/npm/@pay%2fhost`)).body) as Packument;
    assert.equal(after['dist-tags'].latest, '0.2.0');
  });
});
