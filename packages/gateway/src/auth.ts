import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { hashKey, parseKeyPrefix } from './crypto/key-hash.js';
import type { Clock } from './clock.js';
import { ApiError } from './errors.js';
import type { ApiKeyRecord, Storage } from './storage/storage.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's key, set by the `authenticate` hook of every /v1 route. */
    auth: ApiKeyRecord | null;
  }
}

export type Requirement = 'any-key' | 'secret-key';

/** Reads `Authorization: Bearer <key>`. Messages never repeat the key that was sent. */
export function authenticate(
  storage: Storage,
  requirement: Requirement,
  clock: Clock,
): onRequestAsyncHookHandler {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header || !/^Bearer /i.test(header)) {
      throw new ApiError('unauthorized', 'Missing API key: send Authorization: Bearer <key>');
    }
    const key = header.slice(7).trim();
    const record = parseKeyPrefix(key) ? await storage.findApiKey(hashKey(key)) : undefined;
    // A rolled key past its expiry is refused like one that never existed.
    if (!record || (record.expiresAtMs !== null && record.expiresAtMs <= clock.now().getTime())) {
      throw new ApiError('unauthorized', 'Invalid API key');
    }
    if (requirement === 'secret-key' && record.kind !== 'secret') {
      throw new ApiError(
        'unauthorized',
        'This endpoint requires a secret key (sk_...); a publishable key can only create tokens',
      );
    }
    if (!record.merchantActive) {
      throw new ApiError('merchant_not_active', 'The merchant account is not active');
    }
    request.auth = record;
  };
}

export function requireAuth(request: FastifyRequest): ApiKeyRecord {
  if (!request.auth) throw new Error('route is missing its authenticate hook');
  return request.auth;
}
