import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { compressAsset } from './asset-compression.js';
import { ApiError } from '../errors.js';
import { FrameCspReader } from '../frame-csp.js';
import { createHash } from 'node:crypto';
import { sdkSnippet } from '@pay/protocol/sdk-snippet';
import { RELEASE_MANIFEST, SdkReleaseReader, type SdkRelease } from '../sdk-release.js';

/** Per release, the tags that pin it (see sdk-snippet.ts), as text to copy. */
const SNIPPET = 'snippet.html';
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

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
    const { publicUrl } = app.gatewaySettings;
    /**
     * The snippet of a checked release, with this gateway's origin in its URLs. Plain text: a
     * browser shows it to copy (as HTML it would run nothing here anyway). 404 for a release
     * built before integrity.json listed its script-tag files.
     */
    const snippet = (request: FastifyRequest, reply: FastifyReply, current: SdkRelease) => {
      if (current.script.size === 0) throw new ApiError('not_found', 'Not found');
      const origin = publicUrl ?? `${request.protocol}://${request.host}`;
      const { html } = sdkSnippet(
        { version: current.version, script: Object.fromEntries(current.script) },
        origin,
        sha256,
      );
      return reply.type('text/plain; charset=utf-8').send(html);
    };
    // The current release's snippet (pinned to /sdk/v<version>/ URLs: the moving URL cannot
    // carry a hash).
    release.get(`/sdk/v1/${SNIPPET}`, { schema: { hide: true } }, async (request, reply) => {
      const current = await releases.current();
      if (!current) throw new ApiError('not_found', 'Not found');
      return snippet(request, reply, current);
    });
    // Only the names the release lists are served: nothing else in (or outside) the
    // directory is reachable, whatever the path spells.
    release.get<{ Params: { version: string; file: string } }>(
      '/sdk/v:version/:file',
      { schema: { hide: true } },
      async (request, reply) => {
        const { version, file } = request.params;
        const current = await releases.current();
        if (current?.version === version && file === SNIPPET) {
          return snippet(request, reply, current);
        }
        const listed = file === RELEASE_MANIFEST || current?.files.has(file);
        if (!current || current.version !== version || !listed) {
          throw new ApiError('not_found', 'Not found');
        }
        return reply.sendFile(file);
      },
    );
  });
};
