// The shop's server without a browser: its CSP, its same-origin guard, its typed answers when
// the gateway is down, and that no text from a URL is echoed into a page. The gateway here is a
// closed port, so every call to it really fails to connect.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { buildShop } from '../server/app.js';
import { html } from '../server/html.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let gatewayUrl = '';
let app: ReturnType<typeof buildShop>;

before(async () => {
  gatewayUrl = `http://127.0.0.1:${await closedPort()}`;
  app = buildShop({
    port: 0,
    host: '127.0.0.1',
    shopUrl: 'http://127.0.0.1:5173',
    gatewayUrl,
    publishableKey: 'pk_test_unit',
    secretKey: 'sk_test_unit',
  });
  await app.ready();
});

after(() => app.close());

async function newOrder(): Promise<string> {
  const res = await app.inject({
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
  const res = await app.inject({ url: '/' });
  assert.equal(res.statusCode, 200);
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, new RegExp(`script-src 'self' ${gatewayUrl};`));
  assert.match(csp, new RegExp(`frame-src ${gatewayUrl};`));
  assert.match(csp, new RegExp(`connect-src 'self' ${gatewayUrl};`));
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
});

test('the checkout loads the SDK from the gateway as a module', async () => {
  const id = await newOrder();
  const res = await app.inject({ url: `/checkout/${id}` });
  assert.ok(res.body.includes(`<script type="module" src="${gatewayUrl}/sdk/v1/pay.js"></script>`));
  assert.ok(res.body.includes('publishable-key="pk_test_unit"'));
  assert.ok(!res.body.includes('sk_test_unit'), 'the secret key never reaches a page');
});

test('a POST from another origin is refused', async () => {
  const res = await app.inject({
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

test('paying without a token, or for an unknown order, gets a typed answer', async () => {
  const id = await newOrder();
  const missing = await app.inject({ method: 'POST', url: `/api/checkout/${id}/pay`, payload: {} });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().error.code, 'missing_card_token');
  const unknown = await app.inject({
    method: 'POST',
    url: '/api/checkout/ord_nope/pay',
    payload: { token: 'tok_x' },
  });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.code, 'not_found');
  const bad = await app.inject({
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
  const res = await app.inject({
    method: 'POST',
    url: `/api/checkout/${id}/pay`,
    payload: { token: 'tok_abc' },
  });
  assert.equal(res.statusCode, 502);
  const view = res.json();
  assert.equal(view.error.code, 'gateway_unreachable');
  assert.match(view.error.message, /not charged/);
  assert.equal(view.state, 'open');
  const orders = await app.inject({ url: '/orders' });
  assert.equal(orders.statusCode, 200);
  assert.match(orders.body, /not answering right now/);
});

test('no text from the URL is echoed into a page', async () => {
  const id = await newOrder();
  const res = await app.inject({ url: `/checkout/${id}?error=%3Cscript%3Ex%3C/script%3E` });
  assert.equal(res.statusCode, 200);
  assert.ok(!res.body.includes('<script>x'));
  const orders = await app.inject({ url: '/orders?error=%3Cb%3Ehi&payment=%3Ci%3E' });
  assert.ok(!orders.body.includes('<b>hi') && !orders.body.includes('<i>'));
});
