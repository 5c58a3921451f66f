// The demo shop (demo/server/main.ts) as a child process on a port the system picks, on
// 127.0.0.1: another origin than the gateway's `localhost`, as under `npm start`.
import { startChildServer, type ChildServer } from './child-server.js';

export interface ShopOptions {
  gatewayUrl: string;
  publishableKey: string;
  secretKey: string;
  /** 0 (the default): the system picks. A restart may ask again for the port its first start got. */
  port?: number;
  env?: Record<string, string>;
  logFile?: string;
  onLine?: (line: string) => void;
}

/** Starts the shop and resolves once it prints "shop: <url>". */
export function startShop(options: ShopOptions): Promise<ChildServer> {
  return startChildServer({
    name: 'shop',
    script: 'demo/server/main.ts',
    env: {
      DEMO_PORT: String(options.port ?? 0),
      DEMO_HOST: '127.0.0.1',
      GATEWAY_URL: options.gatewayUrl,
      DEMO_PUBLISHABLE_KEY: options.publishableKey,
      DEMO_SECRET_KEY: options.secretKey,
      ...options.env,
    },
    ready: /^shop: (http:\/\/\S+)/m,
    logFile: options.logFile,
    onLine: options.onLine,
  });
}
