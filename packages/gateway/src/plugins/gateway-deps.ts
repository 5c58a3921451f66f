import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import { systemClock } from '../clock.js';
import type { Clock } from '../clock.js';
import type { CardCipher } from '../crypto/card-cipher.js';
import type { Storage } from '../storage/storage.js';
import {
  DEFAULT_TOKEN_RATE_LIMIT,
  MERCHANT_RATE_LIMIT_MULTIPLE,
  memoryTokenRateLimitStores,
} from '../token-rate-limit.js';
import type { TokenRateLimitStores } from '../token-rate-limit.js';
import './gateway-deps.types.js';

/** The dependencies every route may use; unset ones get the product defaults. */
export interface GatewayDepsOptions {
  storage: Storage;
  cipher: CardCipher;
  clock?: Clock;
  /** Token requests per minute from one client address (IPv6: one /64), default 100. */
  tokenRateLimit?: number;
  /** Tokens per minute for one merchant (and mode), from all addresses; default 10 × tokenRateLimit. */
  tokenRateLimitPerMerchant?: number;
  /** Where those counts are kept (default: in this process's memory). */
  tokenRateLimitStores?: TokenRateLimitStores;
  /** Origin of the gateway as browsers reach it; default: the Host of each request. */
  publicUrl?: string;
  /** Sandbox card-network latency per payment, in milliseconds (default 0). */
  networkLatencyMs?: number;
  /** Where the built frame app and SDK are (default: packages/frame/dist, packages/host/dist). */
  frameDir?: string;
  sdkDir?: string;
  /** The @pay packages' tarballs the /npm/ registry serves (default: packages/gateway/dist/npm). */
  npmDir?: string;
}

/**
 * Decorates the root instance (fastify-plugin: not encapsulated) with storage, cipher, clock,
 * rate limits and settings, and holds requests until storage is ready.
 */
export const gatewayDeps = fp<GatewayDepsOptions>(
  async (fastify, options) => {
    const clock = options.clock ?? systemClock;
    const perAddress = options.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT;
    fastify.decorate('storage', options.storage);
    fastify.decorate('cipher', options.cipher);
    fastify.decorate('clock', clock);
    fastify.decorate('tokenRateLimits', {
      perAddress,
      perMerchant: options.tokenRateLimitPerMerchant ?? perAddress * MERCHANT_RATE_LIMIT_MULTIPLE,
      stores:
        options.tokenRateLimitStores ?? memoryTokenRateLimitStores(() => clock.now().getTime()),
    });
    fastify.decorate('gatewaySettings', {
      publicUrl: options.publicUrl?.replace(/\/+$/, ''),
      networkLatencyMs: options.networkLatencyMs ?? 0,
      frameDir: options.frameDir ?? fileURLToPath(new URL('../../../frame/dist/', import.meta.url)),
      sdkDir: options.sdkDir ?? fileURLToPath(new URL('../../../host/dist/', import.meta.url)),
      npmDir: options.npmDir ?? fileURLToPath(new URL('../../dist/npm/', import.meta.url)),
    });

    // listen() runs the onReady hooks before it binds: no request arrives before storage can
    // take it (the token writer opens its own connection in a worker thread).
    fastify.addHook('onReady', async () => options.storage.ready());
  },
  { name: 'gateway-deps', fastify: '5.x' },
);
