// The families as node:test suites, in the order they run (one at a time: the browser
// families share ports, the card-testing budgets are per minute, and on 2 cores each family
// already keeps both busy with its gateway, its browser and its own concurrent requests).
// All in one process: family 6 (secrets at rest) reads what the others left behind (every
// gateway started, crash snapshots, server logs), so it runs last.
// SECURITY_FAMILIES=3,4 registers only those families.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { apiAbuse } from './families/api-abuse/index.js';
import { crashRecovery } from './families/crash-recovery/index.js';
import { hostileWindows } from './families/hostile-windows/index.js';
import { merchantVisibility } from './families/merchant-visibility/index.js';
import { moneyConcurrency } from './families/money-concurrency/index.js';
import { secretsAtRest } from './families/secrets-at-rest/index.js';
import { startedGateways } from './lib/gateway-process.js';
import { FUZZ_SCALE, FUZZ_SEED } from './lib/fuzz.js';

const families: [string, () => void][] = [
  ['1', merchantVisibility],
  ['2', hostileWindows],
  ['3', apiAbuse],
  ['4', moneyConcurrency],
  ['5', crashRecovery],
  ['6', secretsAtRest],
];
const only = new Set((process.env.SECURITY_FAMILIES ?? '').split(',').filter(Boolean));

console.log(`security suite: fuzz seed ${FUZZ_SEED}, scale ${FUZZ_SCALE}`);
for (const [id, register] of families) if (only.size === 0 || only.has(id)) register();

after(() => {
  if (!process.env.SECURITY_KEEP) {
    for (const gw of startedGateways) rmSync(gw.dataDir, { recursive: true, force: true });
    return;
  }
  for (const gw of startedGateways)
    writeFileSync(join(gw.dataDir, 'gateway.log'), gw.logLines.join('\n'));
  console.log(`kept (with gateway.log): ${startedGateways.map((g) => g.dataDir).join(' ')}`);
});
