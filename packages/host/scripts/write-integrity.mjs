// Writes dist/integrity.json after the build: the release's version and the Subresource
// Integrity hash of every file in dist. The gateway serves this very file at
// /sdk/v<version>/integrity.json (after checking it against the files it serves), and it is
// what merchants copy into integrity="…". Prints the hashes too.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const MANIFEST = 'integrity.json';
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const files = {};
for (const entry of readdirSync(dist, { withFileTypes: true }).sort((a, b) =>
  a.name < b.name ? -1 : 1,
)) {
  if (entry.name === MANIFEST) continue;
  // The gateway serves a flat release directory; a nested file would go unlisted.
  if (!entry.isFile()) throw new Error(`dist/${entry.name} is not a file: keep dist flat`);
  const digest = createHash('sha384').update(readFileSync(new URL(entry.name, dist)));
  files[entry.name] = `sha384-${digest.digest('base64')}`;
}

writeFileSync(new URL(MANIFEST, dist), `${JSON.stringify({ version, files }, null, 2)}\n`);
console.log(`@pay/host ${version}: dist/${MANIFEST}, served at /sdk/v${version}/${MANIFEST}`);
for (const [name, hash] of Object.entries(files)) console.log(`  ${name}  ${hash}`);
