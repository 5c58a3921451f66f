// Raw HTTP (node:http) so a case can send any header value, content type or byte string,
// which fetch would refuse or normalize.
import http from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Client address to connect from (127.0.0.x), for per-address limits. */
  localAddress?: string;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

/** Many sockets: the concurrency families need truly parallel requests. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function send(
  baseUrl: string,
  request: RawRequest,
  timeoutMs = 15_000,
): Promise<RawResponse> {
  const { port } = new URL(baseUrl);
  const headers = { ...request.headers };
  if (
    request.body !== undefined &&
    !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')
  ) {
    headers['content-length'] = String(Buffer.byteLength(request.body));
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent: request.localAddress ? false : agent,
        ...(request.localAddress ? { localAddress: request.localAddress } : {}),
        host: '127.0.0.1',
        port,
        method: request.method,
        // The path as given, unnormalized (URL() would resolve "..", which is part of the fuzz).
        path: request.path,
        headers,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/** JSON call with a bearer key: the common case. */
export function api(
  baseUrl: string,
  method: string,
  path: string,
  key: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const all: Record<string, string> = { ...headers };
  if (key !== null) all.authorization = `Bearer ${key}`;
  if (body !== undefined) all['content-type'] = 'application/json';
  return send(baseUrl, {
    method,
    path,
    headers: all,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Runs `tasks` with at most `width` in flight; answers keep their order. */
export async function pool<T>(width: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}
