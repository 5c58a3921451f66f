import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { frameCsp } from '../frame-csp.js';
import type { GatewayContext } from '../server.js';

/**
 * The built frame app (/frame/v1/*) and host SDK (/sdk/v1/*). Files are looked up on each
 * request, so a build made after the gateway started is served without a restart; until
 * then these paths answer 404 not_found.
 */
export const assetRoutes: FastifyPluginAsync<GatewayContext> = async (app, ctx) => {
  for (const [dir, path] of [
    [ctx.frameDir, '/frame/v1/'],
    [ctx.sdkDir, '/sdk/v1/'],
  ] as const) {
    if (!existsSync(dir)) {
      app.log.info(`${dir} is not built yet: ${path}* answers 404 until \`npm run build\``);
    }
  }

  await app.register(async (frame) => {
    frame.addHook('onRequest', async (_request, reply) => {
      void reply.headers({
        'Content-Security-Policy': frameCsp,
        'Cache-Control': 'no-cache',
      });
    });
    await frame.register(fastifyStatic, {
      root: ctx.frameDir,
      prefix: '/frame/v1/',
      decorateReply: false,
      cacheControl: false,
      suppressWarning: true,
      index: ['index.html'],
      schemaHide: true,
    });
  });

  await app.register(async (sdk) => {
    sdk.addHook('onRequest', async (_request, reply) => {
      // Merchant pages load the SDK as a cross-origin module script.
      void reply.headers({
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Content-Security-Policy': "default-src 'none'",
        'Cache-Control': 'no-cache',
      });
    });
    await sdk.register(fastifyStatic, {
      root: ctx.sdkDir,
      prefix: '/sdk/v1/',
      decorateReply: false,
      cacheControl: false,
      suppressWarning: true,
      schemaHide: true,
    });
  });
};
