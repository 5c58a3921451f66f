// `npm run build -w @pay/react`: dist/ as the package ships it, one ES module and one .d.ts per
// source file, unminified (the app's bundler minifies). Each module keeps its 'use client'.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

process.chdir(new URL('..', import.meta.url).pathname);
rmSync('dist', { recursive: true, force: true });
const tsc = new URL('../../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
