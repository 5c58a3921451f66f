// `npm run pack:registry -w @pay/gateway`, the last step of `npm run build`: the tarballs the
// gateway's /npm/ registry serves, packed here, at build time, so that starting the gateway
// packs nothing (`npm pack` of three workspaces costs seconds; reading three tarballs, ms).
// The host, React and Vue packages must be built first (their dist/ is what they ship).
// Tarballs land in dist/npm/ through a temp folder, so a gateway that is running never serves
// half a set. npm pack writes fixed mtimes: unchanged sources pack to the same bytes and the
// same integrity, so a merchant's lockfile stays valid across rebuilds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What merchants install; each may depend only on the others (nothing workspace-only). */
export const REGISTRY_PACKAGES = ['@pay/host', '@pay/react', '@pay/vue'];

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = fileURLToPath(new URL('../dist/npm/', import.meta.url));
const staging = fileURLToPath(new URL('../dist/npm.tmp/', import.meta.url));

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const packed = JSON.parse(
  execFileSync(
    npm,
    [
      'pack',
      ...REGISTRY_PACKAGES.flatMap((name) => ['-w', name]),
      '--json',
      '--ignore-scripts',
      '--pack-destination',
      staging,
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ),
);

const problems = [];
for (const name of REGISTRY_PACKAGES) {
  const pack = packed.find((p) => p.name === name);
  if (!pack) {
    problems.push(`${name}: not packed`);
    continue;
  }
  if (!pack.files.some((f) => f.path.startsWith('dist/'))) {
    problems.push(`${name}: no dist/ in the tarball (build it first)`);
  }
}
// The manifests as packed: a dependency on a @pay package the registry does not serve (such as
// the workspace-only @pay/protocol) would install nowhere but in this monorepo.
for (const name of REGISTRY_PACKAGES) {
  // npm pack ships a workspace's package.json as it is: its folder is packages/<name>.
  const manifest = JSON.parse(
    readFileSync(`${root}packages/${name.slice('@pay/'.length)}/package.json`, 'utf8'),
  );
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const dep of Object.keys(manifest[field] ?? {})) {
      if (dep.startsWith('@pay/') && !REGISTRY_PACKAGES.includes(dep)) {
        problems.push(`${name}: ${field} names ${dep}, which the registry does not serve`);
      }
    }
  }
}
if (problems.length) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`pack-registry: ${problems.join('; ')}`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
renameSync(staging, out);
console.log(`registry tarballs in ${out}: ${readdirSync(out).join(', ')}`);
