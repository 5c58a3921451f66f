import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
} from 'fastify';
import { ApiError } from './errors.js';

/**
 * `POST /v1/tokens` is what card-testing attacks hammer: it is limited per client address
 * and per key (each `max` per minute), before the key is even looked up. Two counters from
 * @fastify/rate-limit's stores; one answer, 429 `rate_limited` with `Retry-After`.
 */
export function tokenRateLimit(app: FastifyInstance, max: number): onRequestAsyncHookHandler {
  const byAddress = app.createRateLimit({
    max,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
  });
  const byKey = app.createRateLimit({
    max,
    timeWindow: 60_000,
    keyGenerator: (request) => request.headers.authorization ?? '',
  });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const [address, key] = await Promise.all([byAddress(request), byKey(request)]);
    const exceeded = [address, key].filter((limit) => !limit.isAllowed && limit.isExceeded);
    if (exceeded.length === 0) return;
    const retryAfter = Math.max(
      1,
      ...exceeded.map((limit) => (limit.isAllowed ? 0 : limit.ttlInSeconds)),
    );
    void reply.header('Retry-After', String(retryAfter));
    throw new ApiError(
      'rate_limited',
      'Too many token requests; retry after the Retry-After delay',
    );
  };
}
