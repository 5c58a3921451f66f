// Every server the engine suite needs, each on a port the system picks: the gateway, the
// merchant pages (test/fields/pages, served as test/fields/host-server.mjs serves them), a
// third origin for the forger frame, and the demo shop. All start-up lives here so the suite
// can move to a shared test harness by replacing this one module.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = new URL('../fields/pages/', import.meta.url);
/** Where forged.html frames the forger; rewritten to this run's third origin. */
const FIELDS_THIRD_ORIGIN = 'http://127.0.0.1:8803';

export interface Server {
  url: string;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess, cleanup = () => {}): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      const done = () => (cleanup(), resolve());
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => (clearTimeout(force), done()));
      child.kill('SIGTERM');
    });
}

/** Runs a TypeScript entry point; resolves with the first capture of `pattern` on its stdout. */
function startProcess(script: string, env: Record<string, string>, pattern: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<{ child: ChildProcess; match: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${script} did not start within 60 s`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      // Its output, for the reason; the servers never print card data (rule 4).
      reject(new Error(`${error.message}\n${output.slice(-2000)}`));
    };
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', listen);
      child.stdout?.resume();
      resolve({ child, match: match[1] });
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`${script} exited (${code})`)));
  });
}

/** The sandbox gateway with a fresh data directory and the given merchant keys seeded. */
export async function startGateway(publishableKey: string, secretKey: string): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pay-engines-gateway-'));
  const { child, match } = await startProcess(
    'packages/gateway/src/main.ts',
    {
      PORT: '0',
      DATA_DIR: dataDir,
      PAY_SEED_PUBLISHABLE_KEY: publishableKey,
      PAY_SEED_SECRET_KEY: secretKey,
      PAY_TOKEN_RATE_LIMIT: '100000',
    },
    /Sandbox gateway listening on (\S+)/,
  ).catch((error: Error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: match,
    stop: stopper(child, () => rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** A port free right now: the shop must know its own URL before it listens. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The demo shop (demo/server), talking to `gatewayUrl` with the given merchant keys. */
export async function startShop(gatewayUrl: string, publishableKey: string, secretKey: string) {
  const port = await freePort();
  const { child, match } = await startProcess(
    'demo/server/main.ts',
    {
      DEMO_PORT: String(port),
      DEMO_HOST: '127.0.0.1',
      GATEWAY_URL: gatewayUrl,
      DEMO_PUBLISHABLE_KEY: publishableKey,
      DEMO_SECRET_KEY: secretKey,
    },
    /shop: (\S+)/,
  );
  return { url: match, stop: stopper(child) } satisfies Server;
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
      .replaceAll(FIELDS_THIRD_ORIGIN, third);
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
