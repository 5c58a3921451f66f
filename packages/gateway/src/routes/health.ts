import type { FastifyPluginAsync } from 'fastify';
import type { GatewayContext } from '../server.js';

/** GET /healthz: 200 once the server has booted (storage open, migrations done). */
export const healthRoutes: FastifyPluginAsync<GatewayContext> = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
    async () => ({ status: 'ok' }),
  );
};
