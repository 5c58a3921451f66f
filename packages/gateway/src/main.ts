import { ConfigError, loadConfig } from './config.js';
import type { GatewayConfig } from './config.js';
import { CardCipher } from './crypto/card-cipher.js';
import { createLogger } from './logger.js';
import { seedMerchant } from './seed.js';
import { buildServer } from './server.js';
import { describeDatabaseUrl } from './database-url.js';
import { openStorage } from './storage/open-storage.js';

/** `npm run gateway`: the sandbox gateway, configured from the environment. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  if (config.dataKeySource === 'generated') {
    logger.warn(`PAY_DATA_KEY is not set: generated a data key into ${config.dataKeyFile}`);
  }
  const opened = await openStorage(config.storage, (error) =>
    logger.warn({ err: error }, 'an idle database connection failed'),
  ).catch((error: unknown) => {
    throw startError(config.storage, error);
  });
  const storage = opened.storage;
  const seed = await seedMerchant(storage, {
    publishableKey: config.seedPublishableKey,
    secretKey: config.seedSecretKey,
  });
  const app = await buildServer({
    storage,
    cipher: new CardCipher(config.dataKey),
    logger,
    tokenRateLimit: config.tokenRateLimit,
    tokenRateLimitPerMerchant: config.tokenRateLimitPerMerchant,
    ...(opened.tokenRateLimitStores
      ? { tokenRateLimitStores: opened.tokenRateLimitStores(() => Date.now()) }
      : {}),
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    benchRoutes: config.benchRoutes,
    networkLatencyMs: config.networkLatencyMs,
  });
  app.addHook('onClose', async () => storage.close());

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://${config.host}:${port}`;
  // The secret key in full only the once it can be learnt nowhere else: when just generated.
  const secret = {
    generated: `${seed.secretKey} (generated now and shown this once: keep it)`,
    given: `${seed.secretKeyMasked} (from PAY_SEED_SECRET_KEY)`,
    stored: `${seed.secretKeyMasked} (stored hashed; shown in full on first start only, or set PAY_SEED_SECRET_KEY)`,
  }[seed.secretKeySource];
  // Plain lines on stdout for people and scripts; the structured log goes on beside them.
  process.stdout.write(
    [
      '',
      `Sandbox gateway listening on ${url}`,
      `  database         ${config.storage.engine === 'postgres' ? describeDatabaseUrl(config.storage.url) : config.databaseFile}`,
      `  publishable key  ${seed.publishableKey}`,
      `  secret key       ${secret}`,
      `  try              curl ${url}/healthz`,
      '',
      '',
    ].join('\n'),
  );

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** A database that cannot be opened: one line naming it (never its password) and why. */
function startError(choice: GatewayConfig['storage'], error: unknown): Error {
  if (choice.engine !== 'postgres') return error as Error;
  const reason =
    error instanceof AggregateError
      ? (error.errors[0] as Error | undefined)?.message
      : error instanceof Error
        ? error.message
        : String(error);
  return new ConfigError(
    `DATABASE_URL: cannot open PostgreSQL at ${describeDatabaseUrl(choice.url)}: ${reason ?? 'unknown error'}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
