import type { FastifyPluginAsync } from 'fastify';
import { errorResponse } from './error.schema.js';

/** GET /healthz: 200 once the server has booted (storage open, migrations done). */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        operationId: 'getHealth',
        summary: 'Whether the gateway is up (storage open, migrations done)',
        // No key: load balancers and `npm start` ask it.
        security: [],
        response: {
          200: { type: 'object', properties: { status: { type: 'string' } } },
          // A malformed request (a header over 16 KB, say) gets the error body, as everywhere.
          '4xx': errorResponse,
        },
      },
    },
    async () => ({ status: 'ok' }),
  );
};
