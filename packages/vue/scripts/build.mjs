// `npm run build -w @pay/vue`: dist/ from src/, one ES module and one .d.ts per source file,
// not minified (the app's bundler minifies). tsc keeps the `.js` import paths, so dist runs
// under Node's ESM loader too, as server rendering needs. `@pay/host` must be built first.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

process.chdir(new URL('..', import.meta.url).pathname);
rmSync('dist', { recursive: true, force: true });
const tsc = new URL('../../../node_modules/.bin/tsc', import.meta.url).pathname;
execFileSync(tsc, ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
