// Builds what the browser loads if it is missing, then starts the gateway and the shop for the
// whole run, on ports the system picks; their addresses go to the workers through the
// environment (env.ts). The returned function stops them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
  const gateway = await startGateway(dataDir);
  const shop = await startShop(gateway.url, dataDir).catch(async (err) => {
    await gateway.stop();
    throw err;
  });
  process.env.E2E_GATEWAY_URL = gateway.url;
  process.env.E2E_SHOP_URL = shop.url;
  return async () => {
    await shop.stop();
    await gateway.stop();
    if (!process.env.E2E_KEEP_DATA) removeDir(dataDir);
  };
}
