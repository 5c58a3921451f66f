// `npm run gateway`: builds what the sandbox gateway serves, and only what changed, then starts
// it (packages/gateway/src/main.ts, run by tsx; its own sources need no build). What it serves:
//   frame     packages/frame/dist     the iframes' documents and app          (/frame/v1/)
//   host      packages/host/dist      the SDK                                 (/sdk/v1/, /sdk/v<version>/)
//   react     packages/react/dist     } packed with the host into
//   vue       packages/vue/dist       } packages/gateway/dist/npm             (/npm/, the @pay registry)
//   registry  packages/gateway/dist/npm
// Never the demo shop, the bench or anything else `npm run build` makes.
//
// Up to date means: the hash of a target's inputs (its package's files but dist/, test/ and
// docs, the protocol sources it compiles in, the lockfile, the shared configs, and the hashes
// of the targets it is built from) is the one recorded when this script last built it, and its
// output folder holds the same bytes as then (the builds are deterministic: `npm run build` of
// the same sources leaves it as it was; a build of other sources, or a folder edited or
// removed, makes it build again). The record lives in node_modules/.cache/, so `npm ci` starts
// from scratch. Environment: PORT, HOST, DATA_DIR…
// as for the gateway (README.md); PAY_REBUILD=1 builds every target regardless.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RECORD = join(ROOT, 'node_modules/.cache/pay-gateway-build.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Never inputs: outputs, dependencies, tests and prose (READMEs are the registry's input). */
const SKIPPED = new Set(['dist', 'node_modules', 'test', '.tsbuild', '.data', 'README.md']);
const SHARED = ['package-lock.json', 'tsconfig.base.json', 'tsconfig.project.json'];

const TARGETS = [
  {
    name: 'frame',
    inputs: ['packages/frame', 'packages/protocol', ...SHARED],
    after: [],
    build: [npm, ['run', 'build', '-w', '@pay/frame']],
    output: 'packages/frame/dist',
  },
  {
    name: 'host',
    inputs: [
      'packages/host',
      'packages/protocol',
      'custom-elements-manifest.config.mjs',
      ...SHARED,
    ],
    after: [],
    build: [npm, ['run', 'build', '-w', '@pay/host']],
    output: 'packages/host/dist',
  },
  {
    name: 'react',
    inputs: ['packages/react', ...SHARED],
    after: ['host'],
    build: [npm, ['run', 'build', '-w', '@pay/react']],
    output: 'packages/react/dist',
  },
  {
    name: 'vue',
    inputs: ['packages/vue', ...SHARED],
    after: ['host'],
    build: [npm, ['run', 'build', '-w', '@pay/vue']],
    output: 'packages/vue/dist',
  },
  {
    name: 'registry',
    inputs: [
      'packages/gateway/scripts/pack-registry.mjs',
      'packages/host/README.md',
      'packages/react/README.md',
      'packages/vue/README.md',
    ],
    after: ['host', 'react', 'vue'],
    build: [npm, ['run', 'pack:registry', '-w', '@pay/gateway']],
    output: 'packages/gateway/dist/npm',
  },
];

/** Every file under `path` (relative to the root) but the skipped ones, sorted. */
function files(path) {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name))
    .flatMap((entry) => files(join(path, entry.name)))
    .sort();
}

/** sha256 of every file in an output folder (a few MB: milliseconds); undefined if missing. */
function outputStamp(path) {
  const hash = createHash('sha256');
  const add = (dir) => {
    const entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) add(file);
      else hash.update(`${file}\0`).update(readFileSync(join(ROOT, file)));
    }
  };
  try {
    if (!readdirSync(join(ROOT, path)).length) return undefined;
    add(path);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

function readRecord() {
  try {
    return JSON.parse(readFileSync(RECORD, 'utf8'));
  } catch {
    return {};
  }
}

const record = readRecord();
const keys = {};
const started = Date.now();
for (const target of TARGETS) {
  const hash = createHash('sha256');
  for (const file of target.inputs.flatMap(files)) {
    hash.update(`${file}\0`).update(readFileSync(join(ROOT, file)));
  }
  for (const name of target.after) hash.update(`${name}:${keys[name]}\0`);
  keys[target.name] = hash.digest('hex');

  const previous = record[target.name];
  const output = outputStamp(target.output);
  const fresh =
    process.env.PAY_REBUILD !== '1' &&
    previous?.inputs === keys[target.name] &&
    output !== undefined &&
    previous.output === output;
  if (fresh) continue;

  console.log(`Building ${target.name} (${target.build[1].join(' ')})...`);
  const [command, args] = target.build;
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Building ${target.name} failed; the gateway was not started.`);
    process.exit(result.status ?? 1);
  }
  record[target.name] = { inputs: keys[target.name], output: outputStamp(target.output) };
  mkdirSync(dirname(RECORD), { recursive: true });
  writeFileSync(RECORD, JSON.stringify(record, null, 2) + '\n');
}
console.log(
  `Build checked in ${((Date.now() - started) / 1000).toFixed(1)} s; starting the gateway.`,
);

// Its own process group: a Ctrl-C reaches it once, from here, not also from the terminal and
// npm's relay (a second SIGINT would cut its graceful close short). A signal repeated within a
// second is that relay; repeated later, the user's insistence, passed on (it then stops at once).
const gateway = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: join(ROOT, 'packages/gateway'),
  stdio: 'inherit',
  detached: true,
});
const lastForwarded = {};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (Date.now() - (lastForwarded[signal] ?? 0) < 1000) return;
    lastForwarded[signal] = Date.now();
    gateway.kill(signal);
  });
}
gateway.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
