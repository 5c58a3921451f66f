import type { FastifyPluginAsync } from 'fastify';
import { homePage } from '../pages/home.js';

/** The shop's front page, and the health check `npm start` and the e2e suite wait for. */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/', (_req, reply) => reply.page({ title: 'Shop', body: homePage() }));
};
