import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';
import type { CardCipher } from './crypto/card-cipher.js';
import { clientErrorHandler } from './client-error.js';
import { registerErrorHandling, sendError } from './error-handler.js';
import { newId } from './ids.js';
import { createLogger } from './logger.js';
import { assetRoutes } from './routes/assets.js';
import { benchRoutes } from './routes/bench.js';
import { healthRoutes } from './routes/health.js';
import { paymentRoutes } from './routes/payments.js';
import { threeDSecureRoutes } from './routes/three-d-secure.js';
import { tokenRoutes } from './routes/tokens.js';
import { applySecurityHeaders } from './security-headers.js';
import type { Storage } from './storage/storage.js';

export interface GatewayOptions {
  storage: Storage;
  cipher: CardCipher;
  clock?: Clock;
  /** A pino logger (see createLogger); tests give one that writes to a stream they read. */
  logger?: FastifyBaseLogger;
  /** Token requests per minute, per key and per client address. */
  tokenRateLimit?: number;
  /** Origin of the gateway as browsers reach it; default: the Host of each request. */
  publicUrl?: string;
  /** Adds the bare `POST /bench/echo` route the benchmark compares /v1/tokens with. */
  benchRoutes?: boolean;
  /** Sandbox card-network latency per payment, in milliseconds (default 0). */
  networkLatencyMs?: number;
  /** Where the built frame app and SDK are (default: packages/frame/dist, packages/host/dist). */
  frameDir?: string;
  sdkDir?: string;
  /** Largest accepted request body in bytes (default 8 KiB). */
  bodyLimit?: number;
  /** How often expired tokens lose their CVC (default every minute). */
  sweepIntervalMs?: number;
}

/** What every route plugin receives. */
export interface GatewayContext {
  storage: Storage;
  cipher: CardCipher;
  clock: Clock;
  tokenRateLimit: number;
  publicUrl: string | undefined;
  networkLatencyMs: number;
  frameDir: string;
  sdkDir: string;
}

export const DEFAULT_TOKEN_RATE_LIMIT = 100;

export async function buildServer(options: GatewayOptions): Promise<FastifyInstance> {
  const ctx: GatewayContext = {
    storage: options.storage,
    cipher: options.cipher,
    clock: options.clock ?? systemClock,
    tokenRateLimit: options.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    networkLatencyMs: options.networkLatencyMs ?? 0,
    frameDir: options.frameDir ?? fileURLToPath(new URL('../../frame/dist/', import.meta.url)),
    sdkDir: options.sdkDir ?? fileURLToPath(new URL('../../host/dist/', import.meta.url)),
  };

  const logger = options.logger ?? (createLogger() as FastifyBaseLogger);
  const app = Fastify({
    loggerInstance: logger,
    genReqId: () => newId('req'),
    requestIdHeader: false,
    bodyLimit: options.bodyLimit ?? 8 * 1024,
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

  // listen() runs the onReady hooks before it binds: no request arrives before storage can
  // take it (the token writer opens its own connection in a worker thread).
  app.addHook('onReady', async () => ctx.storage.ready());

  app.decorateRequest('auth', null);
  app.decorateRequest('idempotency', null);
  app.addHook('onSend', async (request, reply) => applySecurityHeaders(request, reply));
  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sandbox payment gateway',
        version: '1.0.0',
        description: 'Tokens, payments and 3-D Secure, as in docs/gateway-api.md.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
  });
  await app.register(rateLimit, { global: false });
  // Only /v1/tokens is called from browsers (its routes opt in through `config.cors`, see
  // tokenCors); every other route keeps no CORS at all. Static options: nothing is
  // normalised per request.
  await app.register(cors, { origin: false });

  await app.register(healthRoutes, ctx);
  await app.register(tokenRoutes, ctx);
  await app.register(paymentRoutes, ctx);
  await app.register(threeDSecureRoutes, ctx);
  await app.register(assetRoutes, ctx);
  if (options.benchRoutes) await app.register(benchRoutes, ctx);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const sweep = setInterval(() => {
    ctx.storage.sweep(ctx.clock.now().getTime()).catch((error: unknown) => {
      app.log.error({ err: error }, 'sweep failed');
    });
  }, options.sweepIntervalMs ?? 60_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  return app;
}
