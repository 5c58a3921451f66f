import { ReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip';

/** Text assets worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|map|txt)$/;
/** Below this, compression saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Compressed copies, each made once (at the best ratio: assets are small and served many
 * times) and kept for as long as the file is unchanged. Keyed by path, ETag (size and mtime
 * of the file, from @fastify/send) and encoding, so a rebuild is picked up on its first
 * request; a file replaced by a rebuild leaves one stale entry behind, a few KB.
 */
const cache = new Map<string, Promise<Buffer>>();

function compressed(path: string, etag: string, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding} ${etag} ${path}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = readFile(path).then((bytes) =>
      encoding === 'br'
        ? brotli(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          })
        : gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
    );
    // A failed read must not stay cached: the next request tries again.
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry;
}

/** br when the client takes it, else gzip, else none (q=0 refuses a coding). */
function pickEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/**
 * onSend hook for @fastify/static scopes: a full (200) answer of a text file goes out
 * compressed when the client accepts it. The weak ETag of the file stays as it is (the same
 * content in another coding), so @fastify/send's own 304s keep working; ranges (206) and
 * HEAD go out as @fastify/send made them.
 */
export async function compressAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (!(payload instanceof ReadStream) || reply.statusCode !== 200) return payload;
  const path = String(payload.path);
  const etag = reply.getHeader('etag');
  const length = Number(reply.getHeader('content-length'));
  if (!COMPRESSIBLE.test(path) || typeof etag !== 'string' || !(length >= MIN_BYTES)) {
    return payload;
  }
  void reply.header('Vary', 'Accept-Encoding');
  const encoding = pickEncoding(request.headers['accept-encoding']);
  if (!encoding) return payload;
  const body = await compressed(path, etag, encoding);
  payload.destroy();
  void reply.header('Content-Encoding', encoding);
  void reply.header('Content-Length', String(body.length));
  // Byte ranges would count in the uncompressed file, not in this body.
  void reply.removeHeader('Accept-Ranges');
  return body;
}
