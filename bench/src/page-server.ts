// The merchant side of the browser benchmarks: bench pages on one origin, floor frames on another.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { benchDir } from './paths';

export interface PageServer {
  pageOrigin: string;
  floorOrigin: string;
  close(): Promise<void>;
}

const pagesDir = path.join(benchDir, 'pages');

function listen(server: Server, port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      // No IPv6 loopback on this machine: 127.0.0.1 alone serves "localhost".
      error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT'
        ? resolve(false)
        : reject(error),
    );
    server.listen(port, host, () => resolve(true));
  });
}

/** Pages at http://127.0.0.1:pagePort, floor frames at http://localhost:floorPort (cross-site). */
export async function startPageServer(opts: {
  pagePort: number;
  floorPort: number;
  gateway: string;
  publishableKey: string;
}): Promise<PageServer> {
  const pageOrigin = `http://127.0.0.1:${opts.pagePort}`;
  const floorOrigin = `http://localhost:${opts.floorPort}`;
  const vars: Record<string, string> = {
    GATEWAY: opts.gateway,
    PUBLISHABLE_KEY: opts.publishableKey,
    PAGE_ORIGIN: pageOrigin,
    FLOOR_ORIGIN: floorOrigin,
  };
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const name = new URL(req.url ?? '/', pageOrigin).pathname.slice(1);
    if (!/^[a-z-]+\.html$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const html = (await readFile(path.join(pagesDir, name), 'utf8')).replace(
        /%([A-Z_]+)%/g,
        (m, key: string) => vars[key] ?? m,
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
  // Fastify binds every address of "localhost"; the floor server does too, so that neither
  // side pays for a refused ::1 connection before 127.0.0.1.
  const servers = [createServer(handler), createServer(handler), createServer(handler)];
  await listen(servers[0]!, opts.pagePort, '127.0.0.1');
  await listen(servers[1]!, opts.floorPort, '127.0.0.1');
  const v6 = await listen(servers[2]!, opts.floorPort, '::1');
  const live = v6 ? servers : servers.slice(0, 2);
  return {
    pageOrigin,
    floorOrigin,
    close: async () => {
      await Promise.all(live.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
