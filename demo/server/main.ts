// Starts the demo shop from the environment (see config.ts).
import { buildShop } from './app.js';
import { configFromEnv } from './config.js';

const config = configFromEnv();
const app = buildShop(config);

await app.listen({ port: config.port, host: config.host });
console.log(`shop: ${config.shopUrl} (gateway ${config.gatewayUrl})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
