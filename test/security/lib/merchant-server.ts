// A tiny merchant (or hostile) web server: serves the given pages and records every request it
// receives, body included, so the suite can check what reached the merchant's own origin.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface PageServer {
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** `port` 0 (the default): the system picks one; `origin` names the one it got. */
export function startPageServer(
  host: string,
  port: number,
  pages: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<PageServer> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const page = pages[path];
      if (page === undefined) {
        res.writeHead(req.method === 'POST' ? 204 : 404).end();
        return;
      }
      const type = path.endsWith('.js') ? 'text/javascript' : 'text/html';
      res
        .writeHead(200, {
          'content-type': `${type}; charset=utf-8`,
          'cache-control': 'no-store',
          ...headers,
        })
        .end(page);
    });
  });
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        origin: `http://${hostPart}:${(server.address() as AddressInfo).port}`,
        received,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}
