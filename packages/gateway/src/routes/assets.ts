import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { compressAsset } from './asset-compression.js';
import { ApiError } from '../errors.js';
import { FrameCspReader } from '../frame-csp.js';
import { RELEASE_MANIFEST, SdkReleaseReader } from '../sdk-release.js';

/**
 * Vite names built chunks `name-<hash>.ext`, 8 base64url characters. A hash with no capital
 * or digit (rare) is taken for a word, so `app-settings.js` is never cached as immutable; the
 * worst a miss costs is a revalidation.
 */
const HASHED_NAME = /-(?=[\w-]{0,7}[A-Z0-9])[\w-]{8}\.[a-z]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A content-hashed file never changes under its name: browsers keep it for a year without
 * asking again. Everything else (the frame's HTML, the SDK entry merchants link to by a
 * fixed URL) is revalidated with its ETag on each use, so a new build is seen at once.
 */
function setCacheControl(reply: FastifyReply, path: string): void {
  void reply.header('Cache-Control', HASHED_NAME.test(basename(path)) ? IMMUTABLE : 'no-cache');
}

/** Merchant pages load the SDK as a cross-origin module script (and may fetch its hashes). */
async function sdkHeaders(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.headers({
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': 'no-cache',
  });
}

/**
 * The built frame app (/frame/v1/*) and host SDK: at a moving URL (/sdk/v1/*, the current
 * build, revalidated on each use) and at its release's own (/sdk/v<version>/*, see
 * sdk-release.ts; never changes, so cached for a year and pinned by merchants). Files are looked up on each
 * request, so a build made after the gateway started is served without a restart; until
 * then these paths answer 404 not_found. Text files go out compressed (br or gzip, made once
 * per file), hashed chunks cached for a year.
 */
export const assetRoutes: FastifyPluginAsync = async (app) => {
  const { frameDir, sdkDir } = app.gatewaySettings;
  for (const [dir, path] of [
    [frameDir, '/frame/v1/'],
    [sdkDir, '/sdk/v1/'],
  ] as const) {
    if (!existsSync(dir)) {
      app.log.info(`${dir} is not built yet: ${path}* answers 404 until \`npm run build\``);
    }
  }

  await app.register(async (frame) => {
    const csp = new FrameCspReader(frameDir);
    frame.addHook('onRequest', async (_request, reply) => {
      void reply.headers({
        'Content-Security-Policy': await csp.current(),
        'Cache-Control': 'no-cache',
      });
    });
    frame.addHook('onSend', compressAsset);
    await frame.register(fastifyStatic, {
      root: frameDir,
      prefix: '/frame/v1/',
      decorateReply: false,
      cacheControl: false,
      setHeaders: setCacheControl,
      suppressWarning: true,
      index: ['index.html'],
      schemaHide: true,
    });
  });

  await app.register(async (sdk) => {
    sdk.addHook('onRequest', sdkHeaders);
    sdk.addHook('onSend', compressAsset);
    await sdk.register(fastifyStatic, {
      root: sdkDir,
      prefix: '/sdk/v1/',
      decorateReply: false,
      cacheControl: false,
      setHeaders: setCacheControl,
      suppressWarning: true,
      schemaHide: true,
    });
  });

  await app.register(async (release) => {
    const releases = new SdkReleaseReader(sdkDir, (message) => app.log.error(message));
    release.addHook('onRequest', sdkHeaders);
    release.addHook('onSend', compressAsset);
    await release.register(fastifyStatic, {
      root: sdkDir,
      serve: false,
      cacheControl: false,
      // Only on a file actually sent: a 404 is never cached for a year.
      setHeaders: (reply: FastifyReply) => void reply.header('Cache-Control', IMMUTABLE),
    });
    // Only the names the release lists are served: nothing else in (or outside) the
    // directory is reachable, whatever the path spells.
    release.get<{ Params: { version: string; file: string } }>(
      '/sdk/v:version/:file',
      { schema: { hide: true } },
      async (request, reply) => {
        const { version, file } = request.params;
        const current = await releases.current();
        const listed = file === RELEASE_MANIFEST || current?.files.has(file);
        if (!current || current.version !== version || !listed) {
          throw new ApiError('not_found', 'Not found');
        }
        return reply.sendFile(file);
      },
    );
  });
};
