// Where things are, from this file (so the bench runs from any working directory).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '..');
export const hostDir = path.join(repoRoot, 'packages/host');
export const frameDir = path.join(repoRoot, 'packages/frame');
// BENCH_GATEWAY_MAIN runs the same benchmarks against another build of the gateway.
export const gatewayMain =
  process.env.BENCH_GATEWAY_MAIN ?? path.join(repoRoot, 'packages/gateway/src/main.ts');
