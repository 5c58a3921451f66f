// The merchant side of the browser benchmarks: bench pages on one origin, floor frames on another.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FRENCH_INPUTS } from './final-look';
import { startLatencyProxy } from './latency-proxy';
import { listen, listenLocalhost } from './listen';
import { benchDir } from './paths';

export interface PageServer {
  pageOrigin: string;
  floorOrigin: string;
  close(): Promise<void>;
}

const pagesDir = path.join(benchDir, 'pages');

/** Pages at http://127.0.0.1, floor frames at http://localhost (cross-site), on ports the system picks. */
export async function startPageServer(opts: {
  gateway: string;
  publishableKey: string;
  /** Serve the floor's frames through a proxy that delays each request this long. */
  floorDelayMs?: number;
}): Promise<PageServer> {
  // Filled in once both listen, before anyone knows where to send a request.
  let vars: Record<string, string> = {};
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const name = url.pathname.slice(1);
    // A floor frame's words, in the document it is served (as ours are).
    const field = FRENCH_INPUTS[url.searchParams.get('field') as keyof typeof FRENCH_INPUTS];
    const local: Record<string, string> = field
      ? { LABEL: field.label, PLACEHOLDER: field.placeholder }
      : {};
    if (!/^[a-z-]+\.html$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const html = (await readFile(path.join(pagesDir, name), 'utf8')).replace(
        /%([A-Z_]+)%/g,
        (m, key: string) => local[key] ?? vars[key] ?? m,
      );
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(html);
    } catch {
      res.writeHead(404).end();
    }
  };
  const pageServer = createServer(handler);
  const pagePort = await listen(pageServer, 0, '127.0.0.1');
  // Fastify binds every address of "localhost"; the floor server does too.
  const floor = await listenLocalhost(createServer(handler), createServer(handler));
  const proxy = opts.floorDelayMs
    ? await startLatencyProxy(`http://localhost:${floor.port}`, opts.floorDelayMs)
    : undefined;
  const live = [pageServer, ...floor.live];
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  const floorOrigin = proxy?.origin ?? `http://localhost:${floor.port}`;
  vars = {
    GATEWAY: opts.gateway,
    PUBLISHABLE_KEY: opts.publishableKey,
    PAGE_ORIGIN: pageOrigin,
    FLOOR_ORIGIN: floorOrigin,
  };
  return {
    pageOrigin,
    floorOrigin,
    close: async () => {
      await proxy?.close();
      await Promise.all(live.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
