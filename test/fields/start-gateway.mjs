// Starts the real gateway for the field tests with a fresh data directory.
// Usage: node test/fields/start-gateway.mjs <port>
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = process.argv[2] ?? '8801';
// One directory per port (the port is fixed, so one run uses it at a time), emptied at start in
// case a previous run was killed before it could clean up.
const dataDir = path.join(tmpdir(), `pay-fields-gateway-${port}`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
// node --import tsx, not npx: one process, so a SIGTERM reaches the server itself.
const child = spawn(process.execPath, ['--import', 'tsx', 'packages/gateway/src/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    DATA_DIR: dataDir,
    PAY_SEED_PUBLISHABLE_KEY: 'pk_test_fields',
    PAY_SEED_SECRET_KEY: 'sk_test_fields',
    PAY_TOKEN_RATE_LIMIT: '100000',
  },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 0 : 1));
});
