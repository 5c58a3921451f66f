import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { THREE_DS_RESULT } from '@pay/protocol';
import { errorOf, startGateway } from './harness.js';
import type { Gateway } from './harness.js';

interface Payment {
  id: string;
  status: string;
  redirect_url: string | null;
  amount_captured: number;
  error?: { code: string };
}

describe('3-D Secure challenge', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(() => gw.close());

  async function challenge(body: Record<string, unknown> = {}): Promise<Payment> {
    const token = await gw.tokenize('4000002500003155');
    const answer = await gw.pay(token, {
      amount: 42.5,
      return_url: 'https://shop.example/complete?order=7',
      ...body,
    });
    assert.equal(answer.status, 202);
    return answer.body as unknown as Payment;
  }

  const decide = (url: string, decision: string, parentOrigin?: string) =>
    fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        decision,
        ...(parentOrigin ? { parent_origin: parentOrigin } : {}),
      }).toString(),
    });

  it('serves a challenge page with amount, merchant, two buttons, strict CSP and no card data', async () => {
    const p = await challenge();
    const page = await fetch(p.redirect_url ?? '');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /form-action 'self' https:\/\/shop\.example/);
    assert.doesNotMatch(csp, /frame-ancestors/);
    assert.equal(page.headers.get('x-frame-options'), null);
    const html = await page.text();
    assert.match(html, /\$42\.50/);
    assert.match(html, /Sandbox test merchant/);
    assert.match(html, /value="complete"/);
    assert.match(html, /value="fail"/);
    assert.match(html, /<script type="module" src="\/3ds\/assets\/challenge\.js"><\/script>/);
    // No inline script, no card number, no CVC. The form posts back to the challenge's own URL,
    // whose random id and secret may hold any digits: that URL is left out of the digit checks.
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    const challengeUrl = new URL(p.redirect_url ?? '');
    const rest = html.replaceAll(challengeUrl.pathname, '');
    assert.ok(rest.includes('action=""'), 'the form posts to the challenge URL');
    assert.ok(!rest.includes('4000002500003155'));
    assert.ok(!rest.includes('739'));
    assert.ok(!rest.includes('400000'));
  });

  it("completing redirects to return_url with payment_id and the payment's status, completed", async () => {
    const p = await challenge();
    const answer = await decide(p.redirect_url ?? '', 'complete');
    assert.equal(answer.status, 303);
    const location = new URL(answer.headers.get('location') ?? '');
    assert.equal(location.origin + location.pathname, 'https://shop.example/complete');
    assert.equal(location.searchParams.get('order'), '7');
    assert.equal(location.searchParams.get('payment_id'), p.id);
    assert.equal(location.searchParams.get('status'), 'completed');
    const after = await gw.api<Payment>('GET', `/v1/payments/${p.id}`);
    assert.equal(after.body.status, 'completed');
    assert.equal(after.body.amount_captured, 42.5);
    assert.equal(after.body.redirect_url, null);
  });

  it('failing moves the payment to failed with authentication_failed', async () => {
    const p = await challenge();
    const answer = await decide(p.redirect_url ?? '', 'fail');
    assert.equal(answer.status, 303);
    assert.equal(
      new URL(answer.headers.get('location') ?? '').searchParams.get('status'),
      'failed',
    );
    const after = await gw.api<Payment>('GET', `/v1/payments/${p.id}`);
    assert.equal(after.body.status, 'failed');
    assert.equal(after.body.error?.code, 'authentication_failed');
  });

  it('with manual capture, completing authorizes, and the return_url says authorized', async () => {
    const p = await challenge({ capture_method: 'manual' });
    const answer = await decide(p.redirect_url ?? '', 'complete');
    assert.equal(
      new URL(answer.headers.get('location') ?? '').searchParams.get('status'),
      'authorized',
    );
    const after = await gw.api<Payment>('GET', `/v1/payments/${p.id}`);
    assert.equal(after.body.status, 'authorized');
    assert.equal(after.body.amount_captured, 0);
  });

  it('a second decision changes nothing', async () => {
    const p = await challenge();
    await decide(p.redirect_url ?? '', 'complete');
    const second = await decide(p.redirect_url ?? '', 'fail');
    assert.equal(
      new URL(second.headers.get('location') ?? '').searchParams.get('status'),
      'completed',
    );
    const after = await gw.api<Payment>('GET', `/v1/payments/${p.id}`);
    assert.equal(after.body.status, 'completed');
  });

  it('framed (parent_origin given): answers a page that posts the outcome to exactly that origin', async () => {
    const p = await challenge();
    const framedUrl = new URL(p.redirect_url ?? '');
    framedUrl.searchParams.set('parent_origin', 'http://127.0.0.1:5173');
    const page = await (await fetch(framedUrl)).text();
    assert.match(page, /name="parent_origin" value="http:\/\/127\.0\.0\.1:5173"/);
    const answer = await decide(p.redirect_url ?? '', 'complete', 'http://127.0.0.1:5173');
    assert.equal(answer.status, 200);
    const html = await answer.text();
    assert.match(html, /data-three-ds-result/);
    assert.match(html, new RegExp(`data-payment-id="${p.id}"`));
    assert.match(html, /data-status="completed"/);
    assert.match(html, /Authentication complete/);
    assert.match(html, /data-parent-origin="http:\/\/127\.0\.0\.1:5173"/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('the page script posts ThreeDSResultMessage with the protocol constant, never to "*"', async () => {
    const script = await fetch(`${gw.url}/3ds/assets/challenge.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    const source = await script.text();
    assert.ok(source.includes(THREE_DS_RESULT));
    assert.match(source, /postMessage/);
    assert.doesNotMatch(source, /postMessage\([^)]*["']\*["']\)/);
    const css = await fetch(`${gw.url}/3ds/assets/challenge.css`);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
  });

  it('refuses a parent_origin that is not exactly an origin', async () => {
    const p = await challenge();
    for (const bad of ['*', 'https://shop.example/path', 'javascript:alert(1)', 'shop.example']) {
      const url = new URL(p.redirect_url ?? '');
      url.searchParams.set('parent_origin', bad);
      const answer = await fetch(url);
      assert.equal(answer.status, 400, bad);
      const body = (await answer.json()) as { error: { code: string; param: string } };
      assert.equal(body.error.param, 'parent_origin');
    }
  });

  it('answers not_found to a wrong secret or unknown payment, and refuses bad decisions', async () => {
    const p = await challenge();
    const wrong = `${gw.url}/3ds/${p.id}/${'0'.repeat(32)}`;
    assert.equal((await fetch(wrong)).status, 404);
    assert.equal((await decide(wrong, 'complete')).status, 404);
    assert.equal((await fetch(`${gw.url}/3ds/pay_x/${'0'.repeat(32)}`)).status, 404);
    const bad = await decide(p.redirect_url ?? '', 'maybe');
    assert.equal(bad.status, 400);
    const still = await gw.api<Payment>('GET', `/v1/payments/${p.id}`);
    assert.equal(still.body.status, 'requires_action');
  });

  it('without return_url, shows the result page instead of redirecting', async () => {
    const token = await gw.tokenize('4000002500003155');
    const p = (await gw.pay(token)).body as unknown as Payment;
    const answer = await decide(p.redirect_url ?? '', 'complete');
    assert.equal(answer.status, 200);
    assert.match(await answer.text(), /Authentication complete/);
  });

  it('a non-3DS payment has no challenge page', async () => {
    const p = (await gw.pay(await gw.tokenize('4242424242424242'))).body as unknown as Payment;
    const answer = await fetch(`${gw.url}/3ds/${p.id}/anything`);
    assert.equal(answer.status, 404);
    assert.equal(
      errorOf({ status: 404, headers: answer.headers, body: await answer.json(), text: '' }).code,
      'not_found',
    );
  });
});
