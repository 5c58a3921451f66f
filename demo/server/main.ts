// Starts the demo shop from the environment (see config.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildShop } from './app.js';
import { configFromEnv } from './config.js';

let config = configFromEnv();
let stop: () => Promise<void>;
if (config.port === 0) {
  // DEMO_PORT=0 (the test suites): the system picks the port, yet the shop's own URL (its Host
  // check, return_url) must name it. So bind first, then build the shop for the bound address.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  config = configFromEnv({ ...process.env, DEMO_PORT: String(port) });
  const app = buildShop(config);
  await app.ready();
  server.on('request', app.routing);
  stop = async () => {
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    await closed;
    await app.close();
  };
} else {
  const app = buildShop(config);
  await app.listen({ port: config.port, host: config.host });
  stop = () => app.close();
}
console.log(`shop: ${config.shopUrl} (gateway ${config.gatewayUrl})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
