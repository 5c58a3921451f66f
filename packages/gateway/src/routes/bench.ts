import type { FastifyPluginAsync } from 'fastify';

/**
 * POST /bench/echo: a bare JSON route on the same server, the baseline the benchmark
 * compares `POST /v1/tokens` against. Only present when benchRoutes is on.
 */
export const benchRoutes: FastifyPluginAsync = async (app) => {
  app.post('/bench/echo', { schema: { hide: true } }, async (request) => ({
    ok: true,
    received: typeof request.body,
  }));
};
