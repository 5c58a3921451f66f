// `node scripts/registry-install-test.mjs` (in `npm run test:install`, after the build): the
// one-step install of the merchant guide, as a merchant runs it. Starts the real gateway
// (`packages/gateway/src/main.ts`, port 0, a temp SQLite file), which serves the tarballs the
// build packed (packages/gateway/dist/npm/) as the @pay scope's registry at /npm/. Then, in
// empty apps in a temp dir, with npm, pnpm and yarn (Berry) side by side:
//   - @pay/react alone, @pay/vue alone (each must bring @pay/host through the registry), and
//     @pay/host alone; React and Vue (peers) come from the public registry;
//   - each installed package is found from the app, its @pay/host is the workspace's version
//     with the workspace's bytes, and it imports under Node;
//   - an unknown @pay package fails to install with the registry's 404.
// The app's config is the guide's, verbatim: the one .npmrc line for npm and pnpm; for Yarn
// Berry, which reads no .npmrc, the guide's .yarnrc.yml. Every client gets a fresh cache in the
// temp dir (a stale packument or tarball from an earlier build cannot hide a broken registry).
// pnpm and yarn are run through npx at pinned versions: nothing but the npm registry is needed.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const registryDir = path.join(root, 'packages/gateway/dist/npm');
const PNPM = 'pnpm@10.34.9';
const YARN = '@yarnpkg/cli-dist@4.18.1';
const INSTALL_TIMEOUT_MS = 240_000;

const temp = mkdtempSync(path.join(tmpdir(), 'pay-registry-'));
const execFileAsync = promisify(execFile);
const results = [];

const workspaceVersion = (dir) =>
  JSON.parse(readFileSync(path.join(root, 'packages', dir, 'package.json'), 'utf8')).version;

/** sha256 of one file in a gzipped tarball as `npm pack` writes it (plain ustar entries). */
function sha256InTarball(tgz, name) {
  const tar = gunzipSync(readFileSync(tgz));
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0;) {
    const text = (start, length) =>
      tar.toString('utf8', at + start, at + start + length).replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const size = parseInt(text(124, 12).trim() || '0', 8);
    if ((prefix ? `${prefix}/` : '') + text(0, 100) === name) {
      return createHash('sha256')
        .update(tar.subarray(at + 512, at + 512 + size))
        .digest('hex');
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${name} is not in ${tgz}`);
}

/** The real gateway on a free port; resolves with its URL once it says it listens. */
function startGateway() {
  const dataDir = path.join(temp, 'gateway-data');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.join(root, 'packages/gateway'),
    env: { ...process.env, PORT: '0', HOST: 'localhost', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /Sandbox gateway listening on (\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('exit', (code) => reject(new Error(`gateway exited (${code}):\n${output}`)));
  });
  return { child, url };
}

/**
 * No retries (npm and pnpm read the first, yarn the second): a tarball whose bytes miss its
 * integrity fails at once, where npm would retry it with back-off for two minutes. A healthy
 * registry answers the first time anyway.
 */
const NO_RETRIES = { npm_config_fetch_retries: '0', YARN_HTTP_RETRY: '0' };

/** Runs a command; never throws: its exit status and output are the result. */
async function run(command, args, cwd, env = {}) {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd,
      env: { ...process.env, ...NO_RETRIES, ...env },
      encoding: 'utf8',
      timeout: INSTALL_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}${error.message}` };
  }
}

// Run inside each app (`node check.mjs` or `yarn node check.mjs`, Plug'n'Play's loader then):
// the package resolves from the app, its @pay/host from it, and both import under Node.
const CHECK = `import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [name, wantVersion] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const manifest = require.resolve(name + '/package.json');
const hostManifest =
  name === '@pay/host' ? manifest : createRequire(manifest).resolve('@pay/host/package.json');
const host = JSON.parse(readFileSync(hostManifest, 'utf8'));
if (host.version !== wantVersion) throw new Error('@pay/host ' + host.version + ', want ' + wantVersion);
const mod = await import(name);
if (typeof mod.PayError !== 'function' || new mod.PayError('network_error', 'x').code !== 'network_error') {
  throw new Error(name + ': no working PayError export');
}
// The host's entry as installed (read through Plug'n'Play's zip-aware fs under yarn), for the
// caller to compare with the tarball the registry serves.
const index = readFileSync(hostManifest.replace(/package\\.json$/, 'dist/index.js'));
console.log(JSON.stringify({ hostIndexSha256: createHash('sha256').update(index).digest('hex') }));
`;

/** How each client is set up (the guide's config) and runs "add <packages>" and "node". */
function clients(registry) {
  const url = new URL(registry);
  const npmrc = `@pay:registry=${registry}\n`;
  return {
    npm: {
      config: { '.npmrc': npmrc },
      add: (pkgs, app) => [
        'npm',
        ['install', ...pkgs, '--no-audit', '--no-fund'],
        { npm_config_cache: path.join(app, '..', 'npm-cache') },
      ],
      node: (args) => [process.execPath, args],
    },
    pnpm: {
      config: { '.npmrc': npmrc },
      add: (pkgs, app) => [
        'npx',
        [
          '-y',
          PNPM,
          'add',
          ...pkgs,
          '--store-dir',
          path.join(app, '..', 'pnpm-store'),
          '--cache-dir',
          path.join(app, '..', 'pnpm-cache'),
        ],
        {},
      ],
      node: (args) => [process.execPath, args],
    },
    yarn: {
      config: {
        '.yarnrc.yml': [
          'npmScopes:',
          '  pay:',
          `    npmRegistryServer: "${registry}"`,
          'npmPreapprovedPackages:',
          '  - "@pay/*"',
          ...(url.protocol === 'http:' ? ['unsafeHttpWhitelist:', `  - "${url.hostname}"`] : []),
          '',
        ].join('\n'),
      },
      add: (pkgs, app) => [
        'npx',
        ['-y', YARN, 'add', ...pkgs],
        {
          YARN_ENABLE_GLOBAL_CACHE: 'false',
          YARN_CACHE_FOLDER: path.join(app, '.yarn-cache'),
          YARN_GLOBAL_FOLDER: path.join(app, '..', 'yarn-global'),
          YARN_ENABLE_TELEMETRY: '0',
        },
      ],
      node: (args) => ['npx', ['-y', YARN, 'node', ...args]],
    },
  };
}

/** What each app installs, and which package it then checks. */
const APPS = [
  { name: 'react', packages: ['@pay/react'], peers: ['react'], check: '@pay/react' },
  { name: 'vue', packages: ['@pay/vue'], peers: ['vue'], check: '@pay/vue' },
  { name: 'host', packages: ['@pay/host'], peers: [], check: '@pay/host' },
];

async function installAndCheck(clientName, client, app, hostVersion, hostIndexHash) {
  const dir = path.join(temp, clientName, app.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: `app-${app.name}`, version: '1.0.0', private: true, type: 'module' }),
  );
  for (const [file, text] of Object.entries(client.config))
    writeFileSync(path.join(dir, file), text);
  writeFileSync(path.join(dir, 'check.mjs'), CHECK);

  const label = `${clientName}: add ${app.packages.join(' ')}`;
  // npm and pnpm install a missing peer themselves; Yarn asks the app to name it.
  const pkgs = clientName === 'yarn' ? [...app.packages, ...app.peers] : app.packages;
  const [command, args, env] = client.add(pkgs, dir);
  const started = Date.now();
  const installed = await run(command, args, dir, env);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!installed.ok) return results.push({ label, ok: false, detail: installed.output });

  const [nodeCommand, nodeArgs] = client.node(['check.mjs', app.check, hostVersion]);
  const checked = await run(nodeCommand, nodeArgs, dir);
  if (!checked.ok) return results.push({ label, ok: false, detail: checked.output });
  const { hostIndexSha256 } = JSON.parse(checked.output.trim().split('\n').at(-1));
  if (hostIndexSha256 !== hostIndexHash) {
    return results.push({
      label,
      ok: false,
      detail: `the installed @pay/host/dist/index.js is not the registry's:\n${checked.output}`,
    });
  }
  results.push({
    label: `${label} (${seconds} s): ${app.check} imports, @pay/host ${hostVersion} is the registry's`,
    ok: true,
  });
}

async function unknownPackageFails(registry) {
  const dir = path.join(temp, 'npm', 'unknown');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"app-unknown","version":"1.0.0"}');
  writeFileSync(path.join(dir, '.npmrc'), `@pay:registry=${registry}\n`);
  const answer = await run(
    'npm',
    ['install', '@pay/no-such-package', '--no-audit', '--no-fund'],
    dir,
    { npm_config_cache: path.join(temp, 'npm', 'npm-cache') },
  );
  const ok = !answer.ok && /E404/.test(answer.output) && /Not found/.test(answer.output);
  results.push({
    label: 'npm: add @pay/no-such-package fails with E404 "Not found"',
    ok,
    detail: answer.output,
  });
}

let gateway;
try {
  const tarballs = readdirSync(registryDir).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 3) {
    throw new Error(
      `${registryDir} holds ${tarballs.join(', ') || 'nothing'}: run \`npm run build\``,
    );
  }
  const hostVersion = workspaceVersion('host');
  const hostIndexHash = sha256InTarball(
    path.join(registryDir, `pay-host-${hostVersion}.tgz`),
    'package/dist/index.js',
  );

  gateway = startGateway();
  const base = await gateway.url;
  const registry = `${base}/npm/`;
  console.log(`registry ${registry}`);

  const all = clients(registry);
  // One chain per client, the three in parallel: the installs wait mostly on the network.
  // allSettled: the temp dir is removed only once every install has stopped.
  const settled = await Promise.allSettled([
    ...Object.entries(all).map(async ([name, client]) => {
      for (const app of APPS) await installAndCheck(name, client, app, hostVersion, hostIndexHash);
    }),
    unknownPackageFails(registry),
  ]);
  for (const outcome of settled) {
    if (outcome.status === 'rejected') {
      results.push({ label: 'a client chain', ok: false, detail: String(outcome.reason?.stack) });
    }
  }
} catch (error) {
  results.push({ label: 'set-up', ok: false, detail: error.stack ?? String(error) });
} finally {
  if (gateway && gateway.child.exitCode === null) {
    const exited = new Promise((resolve) => gateway.child.once('exit', resolve));
    gateway.child.kill('SIGTERM');
    await exited;
  }
  rmSync(temp, { recursive: true, force: true });
}

// In a fixed order (they finish in any): by client, then app.
results.sort((a, b) => a.label.localeCompare(b.label));
for (const { label, ok, detail } of results) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok ? '' : `\n${detail}`}`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`registry install test: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
