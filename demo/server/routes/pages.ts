import type { FastifyPluginAsync } from 'fastify';
import { homePage } from '../pages/home.js';
import { backPath, findLanguage, LANGUAGE_COOKIE } from '../shop-language.js';

/** The shop's front page, and the health check `npm start` and the e2e suite wait for. */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async () => ({ ok: true }));

  app.get('/', (_req, reply) => reply.page({ title: 'Shop', body: homePage() }));

  // The language switch: a link per language, back to the page it was on.
  app.get<{ Params: { lang: string }; Querystring: { back?: string } }>(
    '/language/:lang',
    (req, reply) => {
      const language = findLanguage(req.params.lang);
      if (!language) return reply.notFoundPage();
      reply.header(
        'Set-Cookie',
        `${LANGUAGE_COOKIE}=${language.code}; Path=/; SameSite=Lax; Max-Age=31536000`,
      );
      return reply.redirect(backPath(req.query.back), 303);
    },
  );
};
