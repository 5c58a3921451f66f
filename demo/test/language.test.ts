// The shop's language switch and the home page's buttons, without a browser: the switch keeps
// the choice in a cookie that becomes the page's `<html lang>` and `dir` (which the card fields
// follow) and the card form's labels; it sends the shopper back only to a page of this shop.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { buildShop } from '../server/app.js';
import { backPath } from '../server/shop-language.js';

const SHOP_HOST = '127.0.0.1:5173';
let app: ReturnType<typeof buildShop>;

function inject(options: InjectOptions) {
  return app.inject({ ...options, headers: { host: SHOP_HOST, ...options.headers } });
}

before(async () => {
  app = buildShop({
    port: 0,
    host: '127.0.0.1',
    shopUrl: `http://${SHOP_HOST}`,
    gatewayUrl: 'http://127.0.0.1:9',
    publishableKey: 'pk_test_unit',
    secretKey: 'sk_test_unit',
  });
  await app.ready();
});

after(() => app.close());

test('"Buy now" buttons are named by their visible label; the product is their description', async () => {
  const page = (await inject({ url: '/' })).body;
  const buttons = [
    ...page.matchAll(/<button class="button" type="submit"([^>]*)>\s*([^<]*?)\s*<\/button>/g),
  ];
  assert.ok(buttons.length >= 3);
  for (const [, attributes, text] of buttons) {
    assert.equal(text, 'Buy now');
    assert.doesNotMatch(attributes!, /aria-label/);
    const id = /aria-describedby="([^"]+)"/.exec(attributes!)?.[1];
    assert.ok(id, 'the button is described by the product');
    assert.match(page, new RegExp(`<h2 id="${id}">[^<]+</h2>`));
  }
});

test('the language switch sets the page language and direction, and comes back', async () => {
  const english = (await inject({ url: '/' })).body;
  assert.match(english, /<html lang="en" dir="ltr">/);
  assert.match(english, /<nav aria-label="Language"/);
  assert.match(english, /href="\/language\/fr\?back=%2F"/);

  const res = await inject({ url: '/language/ar?back=%2Forders' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/orders');
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  assert.equal(cookie, 'shop_lang=ar');

  const arabic = (await inject({ url: '/', headers: { cookie } })).body;
  assert.match(arabic, /<html lang="ar" dir="rtl">/);
  assert.match(arabic, /hreflang="ar"[^>]*aria-current="true"/);
});

test('the checkout labels its card fields in the chosen language; the group follows the page', async () => {
  const order = await inject({
    method: 'POST',
    url: '/checkout',
    payload: 'product=ink',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const url = String(order.headers.location);
  const french = (await inject({ url, headers: { cookie: 'shop_lang=fr' } })).body;
  assert.match(french, /<html lang="fr" dir="ltr">/);
  assert.match(french, /<label for="card-number">Numéro de carte<\/label>/);
  // locale is auto: the group speaks the page's language.
  assert.doesNotMatch(french, /<pay-card-fields[^>]*locale=/);
});

test('an unknown language is not found; the way back is a path of this shop only', async () => {
  assert.equal((await inject({ url: '/language/xx' })).statusCode, 404);
  assert.equal(
    (await inject({ url: '/', headers: { cookie: 'shop_lang=xx' } })).body.includes('lang="en"'),
    true,
  );
  for (const back of [
    '//evil.example/',
    'https://evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    42,
  ]) {
    assert.equal(backPath(back), '/');
  }
  assert.equal(backPath('/checkout/abc?x=1'), '/checkout/abc?x=1');
});
