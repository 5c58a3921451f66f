// Builds what the browser loads if it is missing, then starts the gateway (8811) and the shop
// (8812) for the whole run; the returned function stops them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_PORT, GATEWAY_URL, SHOP_PORT } from './env.js';
import { makeTempDir, removeDir, ROOT, startGateway, startShop } from './stack.js';

const BUILT = [
  'packages/host/dist/pay.js',
  'packages/frame/dist',
  'demo/dist/assets/checkout.js',
  'demo/dist/assets/react-checkout.js',
  'demo/dist/assets/vue-checkout.js',
];

export default async function globalSetup() {
  if (BUILT.some((path) => !existsSync(join(ROOT, path)))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const dataDir = makeTempDir('e2e-gateway-');
  const gateway = await startGateway(GATEWAY_PORT, dataDir);
  const shop = await startShop(SHOP_PORT, GATEWAY_URL, dataDir).catch(async (err) => {
    await gateway.stop();
    throw err;
  });
  return async () => {
    await shop.stop();
    await gateway.stop();
    if (!process.env.E2E_KEEP_DATA) removeDir(dataDir);
  };
}
