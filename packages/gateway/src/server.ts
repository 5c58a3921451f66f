import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
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
import {
  DEFAULT_TOKEN_RATE_LIMIT,
  MERCHANT_RATE_LIMIT_MULTIPLE,
  memoryTokenRateLimitStores,
} from './token-rate-limit.js';
import type { TokenRateLimitStores, TokenRateLimits } from './token-rate-limit.js';

export interface GatewayOptions {
  storage: Storage;
  cipher: CardCipher;
  clock?: Clock;
  /** A pino logger (see createLogger); tests give one that writes to a stream they read. */
  logger?: FastifyBaseLogger;
  /** Token requests per minute from one client address (IPv6: one /64), default 100. */
  tokenRateLimit?: number;
  /** Tokens per minute for one merchant (and mode), from all addresses; default 10 × tokenRateLimit. */
  tokenRateLimitPerMerchant?: number;
  /** Where those counts are kept (default: in this process's memory). */
  tokenRateLimitStores?: TokenRateLimitStores;
  /**
   * Fastify's `trustProxy`: which proxies' X-Forwarded-For names the client (whose address
   * the token rate limit counts). Default false: the socket's peer is the client.
   */
  trustProxy?: boolean | string[];
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
  tokenRateLimits: TokenRateLimits;
  publicUrl: string | undefined;
  networkLatencyMs: number;
  frameDir: string;
  sdkDir: string;
}

export async function buildServer(options: GatewayOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const perAddress = options.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT;
  const ctx: GatewayContext = {
    storage: options.storage,
    cipher: options.cipher,
    clock,
    tokenRateLimits: {
      perAddress,
      perMerchant: options.tokenRateLimitPerMerchant ?? perAddress * MERCHANT_RATE_LIMIT_MULTIPLE,
      stores:
        options.tokenRateLimitStores ?? memoryTokenRateLimitStores(() => clock.now().getTime()),
    },
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
        // No open-source licence: the sandbox's own terms (an SPDX LicenseRef).
        license: {
          name: 'Sandbox terms: test data only, no real money moves',
          identifier: 'LicenseRef-Sandbox',
        },
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
  });
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

  // `servers` names this gateway as the client reached it (or its configured public URL), so a
  // client generated from the document calls the gateway it came from.
  app.get('/openapi.json', { schema: { hide: true } }, async (request) => ({
    ...app.swagger(),
    servers: [{ url: options.publicUrl ?? `${request.protocol}://${request.host}` }],
  }));

  const sweep = setInterval(() => {
    ctx.storage.sweep(ctx.clock.now().getTime()).catch((error: unknown) => {
      app.log.error({ err: error }, 'sweep failed');
    });
  }, options.sweepIntervalMs ?? 60_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  return app;
}
