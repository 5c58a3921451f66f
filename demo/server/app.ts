// The demo shop: a merchant's web server on its own origin. It renders the pages, holds the
// secret key and creates payments from card tokens; card numbers never reach it.
//
// This file only composes: dependencies first (plugins/, decorated on the instance), then the
// hooks every answer passes through, then one route plugin per area (routes/).
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import type { ShopConfig } from './config.js';
import { pageReplies } from './plugins/page-replies.js';
import { shopDeps } from './plugins/shop-deps.js';
import { shopErrors } from './plugins/shop-errors.js';
import { shopSecurity } from './plugins/shop-security.js';
import { backOfficeRoutes } from './routes/back-office.js';
import { checkoutPageRoutes } from './routes/checkout-pages.js';
import { pageRoutes } from './routes/pages.js';
import { shopApiRoutes } from './routes/shop-api.js';
import { staticFileRoutes } from './routes/static-files.js';

export function buildShop(config: ShopConfig) {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    bodyLimit: 16 * 1024,
  });

  app.register(shopDeps, { config });
  app.register(pageReplies);
  app.register(shopSecurity);
  app.register(shopErrors);
  app.register(formbody);

  app.register(staticFileRoutes);
  app.register(pageRoutes);
  app.register(checkoutPageRoutes);
  app.register(shopApiRoutes);
  app.register(backOfficeRoutes);

  return app;
}
