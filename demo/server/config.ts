// The shop's settings, from the environment (scripts/start.mjs and the e2e tests set them).
export interface ShopConfig {
  port: number;
  host: string;
  /** The shop's own origin, used in return_url and for the same-origin check on POSTs. */
  shopUrl: string;
  /** The gateway's origin: the SDK, the frames and the REST API all come from it. */
  gatewayUrl: string;
  publishableKey: string;
  secretKey: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ShopConfig {
  const port = Number(env.DEMO_PORT ?? 5173);
  const host = env.DEMO_HOST ?? '127.0.0.1';
  const publishableKey = env.DEMO_PUBLISHABLE_KEY ?? env.PAY_SEED_PUBLISHABLE_KEY;
  const secretKey = env.DEMO_SECRET_KEY ?? env.PAY_SEED_SECRET_KEY;
  if (!publishableKey || !secretKey) {
    throw new Error(
      'Set DEMO_PUBLISHABLE_KEY and DEMO_SECRET_KEY (the test merchant keys); `npm start` does it for you.',
    );
  }
  return {
    port,
    host,
    shopUrl: (env.DEMO_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    gatewayUrl: new URL(env.GATEWAY_URL ?? `http://localhost:${env.PORT ?? 8787}`).origin,
    publishableKey,
    secretKey,
  };
}
