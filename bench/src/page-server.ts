// The merchant side of the browser benchmarks: bench pages on one origin, floor frames on another.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { benchDir } from './paths';

export interface PageServer {
  pageOrigin: string;
  floorOrigin: string;
  close(): Promise<void>;
}

const pagesDir = path.join(benchDir, 'pages');

/** Listens on host:port (0: the system picks); the port, or undefined if host is not on this machine. */
function listen(server: Server, port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      // No IPv6 loopback on this machine: 127.0.0.1 alone serves "localhost".
      error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT'
        ? resolve(undefined)
        : reject(error),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Pages at http://127.0.0.1, floor frames at http://localhost (cross-site), on ports the system picks. */
export async function startPageServer(opts: {
  gateway: string;
  publishableKey: string;
}): Promise<PageServer> {
  // Filled in once both listen, before anyone knows where to send a request.
  let vars: Record<string, string> = {};
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const name = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1);
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
  const pagePort = await listen(servers[0]!, 0, '127.0.0.1');
  const floorPort = await listen(servers[1]!, 0, '127.0.0.1');
  // ::1 on the port 127.0.0.1 got, as Fastify does for "localhost".
  const v6 = await listen(servers[2]!, floorPort!, '::1');
  const live = v6 ? servers : servers.slice(0, 2);
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  const floorOrigin = `http://localhost:${floorPort}`;
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
      await Promise.all(live.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
