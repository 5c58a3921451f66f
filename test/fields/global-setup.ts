// Builds the frames, the SDK and the wrappers, so the gateway serves the current ones; then
// starts the gateway and the merchant page server for the whole run, on ports the system
// picks, and hands their addresses to the workers through the environment (servers.ts).
import { spawnSync } from 'node:child_process';
import { startChildServer } from '../harness/child-server.js';
import { ROOT, startGateway } from '../harness/gateway-process.js';

export default async function globalSetup() {
  const build = spawnSync(
    'npm',
    ['run', 'build', '-w', '@pay/frame', '-w', '@pay/host', '-w', '@pay/react', '-w', '@pay/vue'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('npm run build failed');

  const gateway = await startGateway({
    env: {
      PAY_SEED_PUBLISHABLE_KEY: 'pk_test_fields',
      PAY_SEED_SECRET_KEY: 'sk_test_fields',
      PAY_TOKEN_RATE_LIMIT: '100000',
    },
  });
  const pages = await startChildServer({
    name: 'host pages',
    script: 'test/fields/host-server.mjs',
    env: { FIELDS_GATEWAY_URL: gateway.url },
    ready: /host pages on (http:\/\/\S+), third origin on (http:\/\/\S+)/,
  }).catch(async (error) => {
    await gateway.stop();
    throw error;
  });
  process.env.FIELDS_GATEWAY_URL = gateway.url;
  process.env.FIELDS_HOST_URL = pages.url;
  process.env.FIELDS_THIRD_URL = pages.match[2];
  return async () => {
    await pages.stop();
    await gateway.stop();
  };
}
