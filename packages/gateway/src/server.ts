import cors from '@fastify/cors';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { clientErrorHandler } from './client-error.js';
import { registerErrorHandling, sendError } from './error-handler.js';
import { newId } from './ids.js';
import { createLogger } from './logger.js';
import { expiredDataSweep } from './plugins/expired-data-sweep.js';
import { gatewayDeps } from './plugins/gateway-deps.js';
import type { GatewayDepsOptions } from './plugins/gateway-deps.js';
import { openApi } from './plugins/openapi.js';
import { assetRoutes } from './routes/assets.js';
import { benchRoutes } from './routes/bench.js';
import { healthRoutes } from './routes/health.js';
import { keyRoutes } from './routes/keys.js';
import { npmRegistryRoutes } from './routes/npm-registry.js';
import { paymentRoutes } from './routes/payments.js';
import { threeDSecureRoutes } from './routes/three-d-secure.js';
import { tokenRoutes } from './routes/tokens.js';
import { applySecurityHeaders } from './security-headers.js';

/** Storage, cipher, clock, rate limits and settings (see GatewayDepsOptions), and the server's own. */
export interface GatewayOptions extends GatewayDepsOptions {
  /** A pino logger (see createLogger); tests give one that writes to a stream they read. */
  logger?: FastifyBaseLogger;
  /**
   * Fastify's `trustProxy`: which proxies' X-Forwarded-For names the client (whose address
   * the token rate limit counts). Default false: the socket's peer is the client.
   */
  trustProxy?: boolean | string[];
  /** Adds the bare `POST /bench/echo` route the benchmark compares /v1/tokens with. */
  benchRoutes?: boolean;
  /** Largest accepted request body in bytes (default 8 KiB). */
  bodyLimit?: number;
  /** How often expired tokens lose their CVC (default every minute). */
  sweepIntervalMs?: number;
}

/** The gateway: dependencies decorated on the instance, then the routes, which read them. */
export async function buildServer(options: GatewayOptions): Promise<FastifyInstance> {
  const logger = options.logger ?? (createLogger() as FastifyBaseLogger);

  const app = Fastify({
    loggerInstance: logger,
    genReqId: () => newId('req'),
    requestIdHeader: false,
    bodyLimit: options.bodyLimit ?? 8 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Long ids reach their route, whose schema answers validation_error (Fastify's own limit,
    // 100, would answer 414 before any route runs).
    routerOptions: { maxParamLength: 1024 },
    // A malformed % escape or an over-long parameter fails before routing: same error body,
    // same headers as every other answer (these replies skip the onSend hooks).
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request, reply);
      return sendError(error, request, reply);
    },
    clientErrorHandler: clientErrorHandler(logger),
    ajv: {
      // Strict types (no "12" for 12) and unknown fields refused, not silently dropped.
      customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true },
    },
  });

  app.decorateRequest('auth', null);
  app.decorateRequest('idempotency', null);
  app.addHook('onSend', async (request, reply) => applySecurityHeaders(request, reply));
  registerErrorHandling(app);

  await app.register(gatewayDeps, options);
  await app.register(openApi, { publicUrl: options.publicUrl });
  // Only /v1/tokens is called from browsers (its routes opt in through `config.cors`, see
  // tokenCors); every other route keeps no CORS at all. Static options: nothing is
  // normalised per request.
  await app.register(cors, { origin: false });

  await app.register(healthRoutes);
  await app.register(tokenRoutes);
  await app.register(paymentRoutes);
  await app.register(keyRoutes);
  await app.register(threeDSecureRoutes);
  await app.register(assetRoutes);
  await app.register(npmRegistryRoutes);
  if (options.benchRoutes) await app.register(benchRoutes);
  await app.register(expiredDataSweep, { intervalMs: options.sweepIntervalMs });

  return app;
}
