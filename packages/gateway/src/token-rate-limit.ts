import type { FastifyReply, FastifyRequest } from 'fastify';
import { addressBucket } from './client-address.js';
import { ApiError } from './errors.js';
import { MemoryRateLimitStore } from './rate-limit-store.js';
import type { RateLimitHit, RateLimitStore } from './rate-limit-store.js';
import type { ApiKeyRecord } from './storage/storage.js';

export const TOKEN_RATE_WINDOW_MS = 60_000;
export const DEFAULT_TOKEN_RATE_LIMIT = 100;
/** The per-merchant budget, unless configured, is this many client addresses' worth. */
export const MERCHANT_RATE_LIMIT_MULTIPLE = 10;
/** Client-address buckets held in memory: past this the oldest live ones are dropped. */
export const MAX_ADDRESS_BUCKETS = 100_000;

/** Address buckets may be flushed by junk; merchant buckets live in a store junk never reaches. */
export interface TokenRateLimitStores {
  address: RateLimitStore;
  merchant: RateLimitStore;
}

export interface TokenRateLimits {
  /** Token requests per minute from one client address (IPv6: one /64), valid or not. */
  perAddress: number;
  /** Tokens created per minute for one merchant (each mode apart), from all addresses. */
  perMerchant: number;
  stores: TokenRateLimitStores;
}

export function memoryTokenRateLimitStores(now: () => number): TokenRateLimitStores {
  return {
    address: new MemoryRateLimitStore({ maxBuckets: MAX_ADDRESS_BUCKETS, now }),
    // Keyed by authenticated merchant ids only: bounded by the number of merchants.
    merchant: new MemoryRateLimitStore({ now }),
  };
}

function refuseOver(hit: RateLimitHit, reply: FastifyReply): void {
  if (hit.allowed) return;
  void reply.header('Retry-After', String(Math.max(1, Math.ceil(hit.resetMs / 1000))));
  throw new ApiError('rate_limited', 'Too many token requests; retry after the Retry-After delay');
}

/**
 * `POST /v1/tokens` is what card-testing attacks hammer. Every request spends its client
 * address's budget before anything else is looked at, so unknown keys, other spellings of a
 * key and invalid bodies cost only their sender. A merchant's budget (well above one
 * address's) is spent only by requests that authenticated and whose card passed the checks:
 * attackers cannot lock a merchant's customers out with junk, nor create or evict its bucket,
 * and many addresses together still cannot exceed it.
 */
export function tokenRateLimiter(limits: TokenRateLimits) {
  const { perAddress, perMerchant, stores } = limits;
  return {
    /** onRequest hook, before authentication. */
    byAddress: async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const bucket = addressBucket(request.ip);
      refuseOver(await stores.address.hit(bucket, TOKEN_RATE_WINDOW_MS, perAddress), reply);
    },
    /** In the handler, once the key and the card were accepted, before the token is made. */
    byMerchant: async (auth: ApiKeyRecord, reply: FastifyReply): Promise<void> => {
      // Test and live apart: a test key published on a staging page cannot spend live traffic.
      const bucket = `${auth.merchantId}:${auth.mode}`;
      refuseOver(await stores.merchant.hit(bucket, TOKEN_RATE_WINDOW_MS, perMerchant), reply);
    },
  };
}
