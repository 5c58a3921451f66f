// Every server the engine suite needs, each on a port the system picks: the gateway and the
// demo shop (test/harness), the merchant pages (test/fields/pages, served as
// test/fields/host-server.mjs serves them) and a third origin for the forger frame.
import { readFile } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import { startGateway as startGatewayProcess } from '../harness/gateway-process.js';
import { startShop as startShopProcess } from '../harness/shop-process.js';

export { ROOT } from '../harness/gateway-process.js';
const PAGES = new URL('../fields/pages/', import.meta.url);

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** The sandbox gateway (test/harness) with a fresh data directory and these merchant keys. */
export async function startGateway(publishableKey: string, secretKey: string): Promise<Server> {
  const gateway = await startGatewayProcess({
    env: {
      PAY_SEED_PUBLISHABLE_KEY: publishableKey,
      PAY_SEED_SECRET_KEY: secretKey,
      PAY_TOKEN_RATE_LIMIT: '100000',
    },
  });
  return { url: gateway.url, stop: () => gateway.stop() };
}

/** The demo shop (test/harness), talking to `gatewayUrl` with the given merchant keys. */
export async function startShop(
  gatewayUrl: string,
  publishableKey: string,
  secretKey: string,
): Promise<Server> {
  const shop = await startShopProcess({ gatewayUrl, publishableKey, secretKey });
  return { url: shop.url, stop: () => shop.stop() };
}

function listen(server: HttpServer): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageServers {
  /** The merchant's origin. */
  host: string;
  /** An origin that is neither the merchant's nor the gateway's (the forger frame). */
  third: string;
  stop(): Promise<void>;
}

/**
 * The merchant pages of test/fields/pages for one gateway, with %GATEWAY% and %KEY% filled in
 * (?key= picks another key), a /submit that shows the posted form, and the same files on a
 * third origin.
 */
export async function startPages(gateway: string, defaultKey: string): Promise<PageServers> {
  let third = '';
  const handle = async (url: URL, request: import('node:http').IncomingMessage) => {
    if (url.pathname === '/favicon.ico') return { status: 204, type: 'text/plain', body: '' };
    if (request.method === 'POST' && url.pathname === '/submit') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const fields = JSON.stringify(Object.fromEntries(new URLSearchParams(body)));
      const page = `<!doctype html><title>Submitted</title><pre id="result">${escapeHtml(fields)}</pre>`;
      return { status: 200, type: 'text/html; charset=utf-8', body: page };
    }
    const name = url.pathname.slice(1);
    if (!/^[a-z-]+\.(html|js)$/.test(name)) return { status: 404, type: 'text/plain', body: '' };
    const key = url.searchParams.get('key') ?? defaultKey;
    const text = (await readFile(new URL(name, PAGES), 'utf8'))
      .replaceAll('%GATEWAY%', gateway)
      .replaceAll('%KEY%', escapeHtml(key))
      .replaceAll('%THIRD_ORIGIN%', third);
    const type = name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
    return { status: 200, type, body: text };
  };
  const servers = [0, 1].map(() =>
    createServer((request, response) => {
      handle(new URL(request.url ?? '/', 'http://127.0.0.1'), request).then(
        ({ status, type, body }) => {
          response.writeHead(status, { 'content-type': type });
          response.end(body);
        },
        () => {
          response.writeHead(404);
          response.end();
        },
      );
    }),
  );
  const [host, thirdUrl] = await Promise.all(servers.map(listen));
  third = thirdUrl!;
  return {
    host: host!,
    third,
    stop: () =>
      Promise.all(
        servers.map((s) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())))),
      ).then(() => undefined),
  };
}
