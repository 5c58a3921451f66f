// The shop's server without a browser: its CSP, its Host and same-origin guard, its typed
// answers when the gateway is down, and that no text from a URL is echoed into a page. The
// gateway here is a closed port, so every call to it really fails to connect.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { buildShop } from '../server/app.js';
import { html } from '../server/html.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const SHOP_URL = 'http://127.0.0.1:5173';
const SHOP_HOST = '127.0.0.1:5173';

let gatewayUrl = '';
let app: ReturnType<typeof buildShop>;

/** A request addressed to the shop by its configured name, as its own pages send them. */
function inject(options: InjectOptions) {
  return app.inject({ ...options, headers: { host: SHOP_HOST, ...options.headers } });
}

before(async () => {
  gatewayUrl = `http://127.0.0.1:${await closedPort()}`;
  app = buildShop({
    port: 0,
    host: '127.0.0.1',
    shopUrl: SHOP_URL,
    gatewayUrl,
    publishableKey: 'pk_test_unit',
    secretKey: 'sk_test_unit',
  });
  await app.ready();
});

after(() => app.close());

async function newOrder(): Promise<string> {
  const res = await inject({
    method: 'POST',
    url: '/checkout',
    payload: 'product=ink',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.statusCode, 303);
  return String(res.headers.location).split('/')[2] ?? '';
}

test('html escapes every interpolated value', () => {
  const evil = '<img src=x onerror="alert(1)">&\'';
  assert.equal(
    html`<p>${evil}</p>`.text,
    '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</p>',
  );
  assert.equal(html`<p>${html`<b>${'<'}</b>`}</p>`.text, '<p><b>&lt;</b></p>');
});

test('pages carry a CSP that names exactly the gateway', async () => {
  const res = await inject({ url: '/' });
  assert.equal(res.statusCode, 200);
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, new RegExp(`script-src 'self' ${gatewayUrl};`));
  assert.match(csp, new RegExp(`frame-src ${gatewayUrl};`));
  assert.match(csp, /connect-src 'self';/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
});

test('the CSP is the one the merchant guide gives to copy, with the gateway put in', async () => {
  const guide = readFileSync(new URL('../../packages/host/README.md', import.meta.url), 'utf8');
  const line = /^Content-Security-Policy: (.+)$/m.exec(guide)?.[1];
  assert.ok(line, 'the guide has a Content-Security-Policy line');
  const res = await inject({ url: '/' });
  assert.equal(
    res.headers['content-security-policy'],
    line.replaceAll('https://gateway.example', gatewayUrl),
  );
});

test('the checkout loads the SDK from the gateway as a module', async () => {
  const id = await newOrder();
  const res = await inject({ url: `/checkout/${id}` });
  assert.ok(res.body.includes(`<script type="module" src="${gatewayUrl}/sdk/v1/pay.js"></script>`));
  assert.ok(res.body.includes('publishable-key="pk_test_unit"'));
  assert.ok(!res.body.includes('sk_test_unit'), 'the secret key never reaches a page');
});

test('a POST from another origin is refused', async () => {
  const res = await inject({
    method: 'POST',
    url: '/checkout',
    payload: 'product=ink',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example',
    },
  });
  assert.equal(res.statusCode, 403);
});

test('DNS rebinding: another Host, even with a matching Origin, is refused and reaches no gateway', async () => {
  // A gateway that records what reaches it, so "nothing changed" is checked where money moves.
  const calls: string[] = [];
  const recorder = createHttpServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":{"code":"payment_not_found"}}');
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const { port } = recorder.address() as { port: number };
  const shop = buildShop({
    port: 0,
    host: '127.0.0.1',
    shopUrl: SHOP_URL,
    gatewayUrl: `http://127.0.0.1:${port}`,
    publishableKey: 'pk_test_unit',
    secretKey: 'sk_test_unit',
  });
  try {
    // attacker.example now resolves to the shop: its page is same-origin with its own name.
    const rebound = 'attacker.example:5173';
    const refund = (host: string, origin: string) =>
      shop.inject({
        method: 'POST',
        url: '/orders/pay_1/refund',
        payload: 'amount=',
        headers: { host, origin, 'content-type': 'application/x-www-form-urlencoded' },
      });
    const forged = await refund(rebound, `http://${rebound}`);
    assert.equal(forged.statusCode, 421);
    assert.match(String(forged.headers['content-type']), /^text\/html/);
    assert.match(forged.body, /<h1>Request refused<\/h1>/);
    assert.ok(forged.body.includes(`href="${SHOP_URL}/"`), 'a link to the shop at its own address');
    assert.doesNotMatch(forged.body, /\bat .+\.[jt]s:\d+|Error:/);
    const read = await shop.inject({ url: '/orders', headers: { host: rebound } });
    assert.equal(read.statusCode, 421);
    const pay = await shop.inject({
      method: 'POST',
      url: '/api/checkout/ord_1/pay',
      payload: { token: 'tok_x' },
      headers: { host: rebound, origin: `http://${rebound}` },
    });
    assert.equal(pay.statusCode, 421);
    assert.equal(pay.json().error.code, 'misdirected_request');
    assert.deepEqual(calls, [], 'a refused request reached the gateway');
    // Control: the same refund from the shop's own page does reach the gateway.
    const genuine = await refund(SHOP_HOST, SHOP_URL);
    assert.equal(genuine.statusCode, 303);
    assert.deepEqual(calls, ['POST /v1/payments/pay_1/refund']);
  } finally {
    await shop.close();
    await new Promise((resolve) => recorder.close(resolve));
  }
});

test("a POST's Origin must be the configured URL, never one built from the request's Host", async () => {
  const shop = buildShop({
    port: 0,
    host: '127.0.0.1',
    shopUrl: 'https://shop.example',
    gatewayUrl,
    publishableKey: 'pk_test_unit',
    secretKey: 'sk_test_unit',
  });
  try {
    const post = (origin: string) =>
      shop.inject({
        method: 'POST',
        url: '/checkout',
        payload: 'product=ink',
        headers: {
          host: 'shop.example',
          origin,
          'content-type': 'application/x-www-form-urlencoded',
        },
      });
    const built = await post('http://shop.example');
    assert.equal(built.statusCode, 403);
    assert.match(built.body, /<h1>Request refused<\/h1>/);
    assert.equal((await post('https://shop.example')).statusCode, 303);
    // Host names compare case-insensitively, with the default port or without it.
    for (const host of ['Shop.Example', 'shop.example:443']) {
      const res = await shop.inject({ url: '/', headers: { host } });
      assert.equal(res.statusCode, 200, host);
    }
    for (const host of ['shop.example:8443', 'shop.example.attacker.example', '127.0.0.1']) {
      const res = await shop.inject({ url: '/', headers: { host } });
      assert.equal(res.statusCode, 421, host);
    }
  } finally {
    await shop.close();
  }
});

test('paying without a token, or for an unknown order, gets a typed answer', async () => {
  const id = await newOrder();
  const missing = await inject({ method: 'POST', url: `/api/checkout/${id}/pay`, payload: {} });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().error.code, 'missing_card_token');
  const unknown = await inject({
    method: 'POST',
    url: '/api/checkout/ord_nope/pay',
    payload: { token: 'tok_x' },
  });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.code, 'not_found');
  const bad = await inject({
    method: 'POST',
    url: `/api/checkout/${id}/pay`,
    payload: '{',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(bad.statusCode, 400);
  assert.doesNotMatch(bad.body, /at .*\.ts|stack/i);
});

test('the gateway being down is a 502 with a sentence, and the order stays payable', async () => {
  const id = await newOrder();
  const res = await inject({
    method: 'POST',
    url: `/api/checkout/${id}/pay`,
    payload: { token: 'tok_abc' },
  });
  assert.equal(res.statusCode, 502);
  const view = res.json();
  assert.equal(view.error.code, 'gateway_unreachable');
  assert.match(view.error.message, /not charged/);
  assert.equal(view.state, 'open');
  const orders = await inject({ url: '/orders' });
  assert.equal(orders.statusCode, 200);
  assert.match(orders.body, /not answering right now/);
});

test('no text from the URL is echoed into a page', async () => {
  const id = await newOrder();
  const res = await inject({ url: `/checkout/${id}?error=%3Cscript%3Ex%3C/script%3E` });
  assert.equal(res.statusCode, 200);
  assert.ok(!res.body.includes('<script>x'));
  const orders = await inject({ url: '/orders?error=%3Cb%3Ehi&payment=%3Ci%3E' });
  assert.ok(!orders.body.includes('<b>hi') && !orders.body.includes('<i>'));
});
