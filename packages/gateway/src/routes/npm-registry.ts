import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { NPM_SCOPE, NpmPackageReader } from '../npm-packages.js';
import type { NpmPackageVersion } from '../npm-packages.js';

/** Where merchants point their package manager: `@pay:registry=<gateway>/npm/`. */
export const NPM_PREFIX = '/npm/';

const PACKUMENT = /^(@pay\/[a-z0-9][a-z0-9._-]*)$/;
const TARBALL = /^(@pay\/([a-z0-9][a-z0-9._-]*))\/-\/([\w.-]+\.tgz)$/;

/**
 * Both a packument and a tarball are revalidated on each use (ETag, 304), never cached for
 * long: the sandbox is rebuilt from the workspaces, so a version's bytes change whenever its
 * sources do, and a client must see the new integrity at once. Clients keep tarballs in their
 * own content-addressed caches anyway (keyed by integrity), so a revalidation costs one 304.
 */
const REVALIDATE = 'no-cache';

/** The npm registry's own 404 body, which npm, pnpm and yarn print as "Not found". */
function notFound(reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .header('Cache-Control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ error: 'Not found' });
}

function semverParts(version: string): [number[], string] {
  const [core = '', pre = ''] = version.split(/-(.*)/s);
  return [core.split('.').map(Number), pre];
}

/** Highest first; a release before its pre-releases (enough for the versions a build packs). */
function compareVersions(a: string, b: string): number {
  const [coreA, preA] = semverParts(a);
  const [coreB, preB] = semverParts(b);
  for (let i = 0; i < 3; i++) {
    const diff = (coreB[i] ?? 0) - (coreA[i] ?? 0);
    if (diff) return diff;
  }
  if (!preA !== !preB) return preA ? 1 : -1;
  return preB.localeCompare(preA);
}

function tarballName(name: string, version: string): string {
  return `${name.slice(NPM_SCOPE.length + 1)}-${version}.tgz`;
}

/** The packument: every version's package.json plus `dist`, as the public registry answers. */
function packument(
  name: string,
  versions: ReadonlyMap<string, NpmPackageVersion>,
  base: string,
): Record<string, unknown> {
  const ordered = [...versions.keys()].sort(compareVersions);
  const latest = ordered.find((v) => !v.includes('-')) ?? (ordered[0] as string);
  const times = [...versions.values()].map((v) => v.packedAt.getTime());
  const docs: Record<string, unknown> = {};
  for (const version of [...ordered].reverse()) {
    const packed = versions.get(version) as NpmPackageVersion;
    // Build-time fields a consumer never installs (devDependencies name workspace-only
    // packages such as @pay/protocol) stay out, as in the public registry's install documents.
    const { devDependencies: _dev, scripts: _scripts, ...manifest } = packed.manifest;
    docs[version] = {
      ...manifest,
      _id: `${name}@${version}`,
      dist: {
        tarball: `${base}${NPM_PREFIX}${name}/-/${tarballName(name, version)}`,
        integrity: packed.integrity,
        shasum: packed.shasum,
      },
    };
  }
  const latestManifest = (versions.get(latest) as NpmPackageVersion).manifest;
  return {
    _id: name,
    name,
    ...(typeof latestManifest.description === 'string'
      ? { description: latestManifest.description }
      : {}),
    'dist-tags': { latest },
    versions: docs,
    time: {
      created: new Date(Math.min(...times)).toISOString(),
      modified: new Date(Math.max(...times)).toISOString(),
      ...Object.fromEntries(
        [...versions].map(([version, packed]) => [version, packed.packedAt.toISOString()]),
      ),
    },
  };
}

/** The path after /npm/, percent-decoded: clients ask for `@pay%2fhost` (npm) or `@pay%2Fhost`. */
function registryPath(request: FastifyRequest): string | undefined {
  const raw = (request.raw.url ?? '').split('?')[0] as string;
  try {
    return decodeURIComponent(raw.slice(NPM_PREFIX.length));
  } catch {
    return undefined;
  }
}

function answerWithEtag(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  type: string,
  body: string | Buffer,
): FastifyReply {
  void reply.headers({ ETag: etag, 'Cache-Control': REVALIDATE });
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type(type).send(body);
}

/**
 * The sandbox's own npm registry for the @pay scope, at /npm/: the packuments and tarballs of
 * @pay/host, @pay/react and @pay/vue, packed from the workspaces at build time
 * (`npm run pack:registry -w @pay/gateway`, the last step of `npm run build`; see
 * scripts/pack-registry.mjs). A merchant's package manager gets them with one line of
 * .npmrc; everything else still comes from its usual registry. Read-only: no publish, no search, no audit. A build made after the gateway
 * started is served without a restart; before any build, every package answers 404.
 */
export const npmRegistryRoutes: FastifyPluginAsync = async (app) => {
  const { npmDir, publicUrl } = app.gatewaySettings;
  const reader = new NpmPackageReader(npmDir);

  app.get(`${NPM_PREFIX}*`, { schema: { hide: true } }, async (request, reply) => {
    const path = registryPath(request);
    const packages = await reader.current();

    const asPackument = path === undefined ? null : PACKUMENT.exec(path);
    if (asPackument) {
      const name = asPackument[1] as string;
      const versions = packages.get(name);
      if (!versions?.size) return notFound(reply);
      const base = publicUrl ?? `${request.protocol}://${request.host}`;
      const body = JSON.stringify(packument(name, versions, base));
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      return answerWithEtag(request, reply, etag, 'application/json; charset=utf-8', body);
    }

    const asTarball = path === undefined ? null : TARBALL.exec(path);
    if (asTarball) {
      const [, name, , file] = asTarball as unknown as [string, string, string, string];
      const packed = [...(packages.get(name)?.values() ?? [])].find(
        (v) => tarballName(name, v.manifest.version) === file,
      );
      if (!packed) return notFound(reply);
      let bytes: Buffer;
      try {
        bytes = await readFile(join(npmDir, packed.file));
      } catch {
        return notFound(reply);
      }
      // The bytes read now are the ones the packument's integrity names only if unchanged.
      if (createHash('sha1').update(bytes).digest('hex') !== packed.shasum) {
        return notFound(reply);
      }
      return answerWithEtag(
        request,
        reply,
        `"${packed.shasum}"`,
        'application/octet-stream',
        bytes,
      );
    }
    return notFound(reply);
  });
};
