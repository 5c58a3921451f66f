// The merchant side of the cross-origin tests: static host pages on http://127.0.0.1 and a
// "third origin" on 127.0.0.1 again, another port (the forger frame), both on ports the system
// picks and printed on start. Pages name the gateway through ?gateway= (a test gateway on
// localhost only; FIELDS_GATEWAY_URL by default) and the key through ?key=. /vendor/ serves the
// built SDK from this origin, as a merchant's bundle of it would be. /apps/<name>.js is a
// merchant's app bundled from apps/<name>.ts(x) on first request (React and Vue wrapper tests),
// importing the built packages as an app that installed them would.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { URLSearchParams } from 'node:url';

const PAGES = new URL('./pages/', import.meta.url);
const SDK_BUILD = new URL('../../packages/host/dist/', import.meta.url);
const GATEWAY = process.env.FIELDS_GATEWAY_URL;
if (!GATEWAY) throw new Error('FIELDS_GATEWAY_URL is not set');
/** The suite's gateway, or one a test started itself (on a port the system picked). */
const isTestGateway = (origin) => /^http:\/\/localhost:\d+$/.test(origin);
/** The third origin, for pages that frame it (%THIRD_ORIGIN%); known once it listens. */
let thirdOrigin = '';
/** Response headers of particular pages (%GATEWAY% as in the pages). */
const PAGE_HEADERS = {
  'trusted-types.html': {
    'content-security-policy':
      "require-trusted-types-for 'script'; trusted-types 'none'; script-src %GATEWAY% 'self'",
  },
};

const APPS = new URL('./apps/', import.meta.url);
/** Pages a test PUT to /stash/<name>.html (markup it rendered, e.g. on the server side of SSR). */
const stash = new Map();
const bundles = new Map();

/** The app's bundle, built once per server run; development builds, as StrictMode needs. */
function bundleApp(name) {
  if (!bundles.has(name)) {
    const source = ['.tsx', '.ts']
      .map((ext) => new URL(name + ext, APPS))
      .find((file) => existsSync(file));
    if (!source) return Promise.reject(new Error('no such app'));
    bundles.set(
      name,
      build({
        entryPoints: [source.pathname],
        bundle: true,
        format: 'esm',
        target: 'es2022',
        write: false,
        jsx: 'automatic',
        logLevel: 'error',
        define: {
          'process.env.NODE_ENV': '"development"',
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true',
        },
      }).then((result) => result.outputFiles[0].text),
    );
  }
  return bundles.get(name);
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function handle(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname === '/healthz') return response.end('ok');
  // No icon: a 404 here would be the one console error of a clean page.
  if (url.pathname === '/favicon.ico') {
    response.statusCode = 204;
    return response.end();
  }
  if (request.method === 'POST' && url.pathname === '/submit') {
    let body = '';
    for await (const chunk of request) body += chunk;
    const fields = Object.fromEntries(new URLSearchParams(body));
    response.setHeader('content-type', 'text/html; charset=utf-8');
    return response.end(
      `<!doctype html><title>Submitted</title><pre id="result">${escapeHtml(JSON.stringify(fields))}</pre>`,
    );
  }
  const vendored = /^\/vendor\/([\w-]+\.js)$/.exec(url.pathname);
  if (vendored) {
    try {
      const text = await readFile(new URL(vendored[1], SDK_BUILD), 'utf8');
      response.setHeader('content-type', 'text/javascript');
      return response.end(text);
    } catch {
      response.statusCode = 404;
      return response.end('not found');
    }
  }
  const stashed = /^\/stash\/([a-z-]+\.html)$/.exec(url.pathname);
  if (stashed && request.method === 'PUT') {
    let body = '';
    for await (const chunk of request) body += chunk;
    stash.set(stashed[1], body);
    response.statusCode = 204;
    return response.end();
  }
  if (stashed && stash.has(stashed[1])) {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    return response.end(stash.get(stashed[1]));
  }
  const app = /^\/apps\/([a-z-]+)\.js$/.exec(url.pathname);
  if (app) {
    try {
      const text = await bundleApp(app[1]);
      response.setHeader('content-type', 'text/javascript');
      return response.end(text);
    } catch (error) {
      response.statusCode = 404;
      return response.end(String(error?.message ?? error));
    }
  }
  const name = url.pathname.slice(1);
  if (!/^[a-z-]+\.(html|js)$/.test(name)) {
    response.statusCode = 404;
    return response.end('not found');
  }
  try {
    let text = await readFile(new URL(name, PAGES), 'utf8');
    const gateway = url.searchParams.get('gateway') ?? GATEWAY;
    if (!isTestGateway(gateway)) throw new Error('unknown gateway');
    const key = url.searchParams.get('key') ?? 'pk_test_fields';
    text = text
      .replaceAll('%GATEWAY%', gateway)
      .replaceAll('%THIRD_ORIGIN%', thirdOrigin)
      .replaceAll('%KEY%', escapeHtml(key));
    for (const [header, value] of Object.entries(PAGE_HEADERS[name] ?? {})) {
      response.setHeader(header, value.replaceAll('%GATEWAY%', gateway));
    }
    response.setHeader(
      'content-type',
      name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
    );
    response.end(text);
  } catch {
    response.statusCode = 404;
    response.end('not found');
  }
}

/** A server of these pages on 127.0.0.1, on a port the system picks; resolves to its origin. */
function listen() {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.statusCode = 500;
      response.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
}

const host = await listen();
thirdOrigin = await listen();
// test/fields/global-setup.ts waits for this line and reads both addresses from it.
console.log(`host pages on ${host}, third origin on ${thirdOrigin}`);
