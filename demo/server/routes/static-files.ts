import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));
const ASSETS_DIR = fileURLToPath(new URL('../../dist/assets/', import.meta.url));

/** /static/* (styles, images) and /assets/* (the built checkout scripts). */
export const staticFileRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/' });
  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', decorateReply: false });
};
