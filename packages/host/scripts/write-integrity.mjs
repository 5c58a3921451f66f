// Writes dist/integrity.json after the build: the release's version and the Subresource
// Integrity hash of every file in dist. The gateway serves this very file at
// /sdk/v<version>/integrity.json (after checking it against the files it serves), and it is
// what merchants copy into integrity="…". Prints the hashes too.
//
//   files   every file of dist (what the gateway serves and checks), as before
//   script  the script-tag files only, pay.js first: what a page pinning <script src=…pay.js>
//           loads (pay.js and the chunks it imports, lazily or not)
//   npm     the names of the files only the npm package uses (index.js, node.js, .d.ts, …)
//
// Then rewrites the example in the merchant guide (packages/host/README.md, between the
// `sri-snippet` markers) with the snippet the gateway serves for this release at
// /sdk/v<version>/snippet.html, for https://gateway.example: the guide never names a chunk or
// a hash that the build did not make (gateway test sdk-snippet.test.ts checks it).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SDK_ENTRY, sdkSnippet } from '../../protocol/src/sdk-snippet.ts';

const dist = new URL('../dist/', import.meta.url);
const readme = new URL('../README.md', import.meta.url);
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

// pay.js and every module it imports (static or import()), read from the modules themselves
// (esbuild writes `from"./x.js"`, `import"./x.js"`, `import("./x.js")`): the chunk names are
// esbuild's, never written down by hand.
const IMPORT = /\b(?:from|import)\s*\(?\s*"(\.\/[^"]+)"/g;
const scriptNames = [];
const visit = (name) => {
  if (scriptNames.includes(name)) return;
  if (!files[name]) throw new Error(`dist/${name} is imported by the script-tag SDK but missing`);
  scriptNames.push(name);
  for (const [, specifier] of readFileSync(new URL(name, dist), 'utf8').matchAll(IMPORT)) {
    visit(specifier.slice(2));
  }
};
visit(SDK_ENTRY);
const script = Object.fromEntries(scriptNames.map((name) => [name, files[name]]));
const npm = Object.keys(files).filter((name) => !scriptNames.includes(name));

writeFileSync(
  new URL(MANIFEST, dist),
  `${JSON.stringify({ version, script, npm, files }, null, 2)}\n`,
);
console.log(`@pay/host ${version}: dist/${MANIFEST}, served at /sdk/v${version}/${MANIFEST}`);
for (const [name, hash] of Object.entries(script)) console.log(`  ${name}  ${hash}  (script tag)`);
for (const name of npm) console.log(`  ${name}  ${files[name]}`);

const START = '<!-- sri-snippet:start';
const END = '<!-- sri-snippet:end -->';
const sha256 = (text) => createHash('sha256').update(text).digest('base64');
const { html } = sdkSnippet({ version, script }, 'https://gateway.example', sha256);
if (existsSync(readme)) {
  const guide = readFileSync(readme, 'utf8');
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md: no ${START} … ${END} region`);
  const head = guide.slice(start, guide.indexOf('\n', start) + 1);
  const region =
    `${head}<!-- prettier-ignore-start -->\n\`\`\`html\n${html}\`\`\`\n` +
    `<!-- prettier-ignore-end -->\n`;
  const next = guide.slice(0, start) + region + guide.slice(end);
  if (next !== guide) {
    writeFileSync(readme, next);
    console.log('README.md: the SRI example now shows this build');
  }
}
