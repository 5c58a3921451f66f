// The 3-D Secure result page, framed by a hostile page.
import type { Browser } from '@playwright/test';
import type { GatewayRun } from '../../lib/gateway-process.js';
import type { PageServer } from '../../lib/merchant-server.js';
import type { Attempts } from '../../lib/results.js';
import { api, send } from '../../lib/http-client.js';
import { header } from './headers.js';
import { TEST_CARDS, cardBody } from '../../lib/test-cards.js';

/**
 * The 3-D Secure result page posts its outcome only to `parent_origin`: framed by a hostile
 * page with the merchant's origin as parent_origin, the hostile page hears nothing. Control:
 * with its own origin as parent_origin it does hear the outcome (the channel works).
 */
export async function threeDSecureScenario(
  browser: Browser,
  gw: GatewayRun,
  merchant: PageServer,
  hostile: PageServer,
  result: Attempts,
): Promise<void> {
  const challengeUrl = async (): Promise<string> => {
    const tok = await api(
      gw.url,
      'POST',
      '/v1/tokens',
      gw.publishableKey,
      cardBody(TEST_CARDS[1]!),
    );
    const pay = await api(gw.url, 'POST', '/v1/payments', gw.secretKey, {
      amount: 9,
      currency: 'usd',
      token: (tok.json as { id: string }).id,
      return_url: `${merchant.origin}/done`,
    });
    const url = (pay.json as { redirect_url?: string }).redirect_url;
    if (pay.status !== 202 || !url) {
      throw new Error(`3-D Secure payment answered ${pay.status}: ${pay.text.slice(0, 200)}`);
    }
    return url;
  };
  const heard = async (parentOrigin: string): Promise<string[]> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const src = `${await challengeUrl()}?parent_origin=${encodeURIComponent(parentOrigin)}`;
      await page.goto(`${hostile.origin}/frame-3ds.html#${encodeURIComponent(src)}`);
      await page
        .frameLocator('#challenge')
        .getByRole('button', { name: /complete/i })
        .click();
      await page.waitForTimeout(1500);
      return await page.evaluate(() =>
        (window as unknown as { received: string[] }).received.filter(
          (t) => !t.startsWith(location.origin),
        ),
      );
    } finally {
      await context.close();
    }
  };
  const control = await heard(hostile.origin);
  result.check(
    '3-D Secure: control, the result reaches a parent named in parent_origin',
    control.some((t) => /"status":"completed"/.test(t)),
    `heard ${JSON.stringify(control).slice(0, 200)}`,
  );
  const spoofed = await heard(merchant.origin);
  result.check(
    '3-D Secure: a hostile parent framing the page with another parent_origin hears nothing',
    spoofed.length === 0,
    `heard ${JSON.stringify(spoofed).slice(0, 200)}`,
  );
  for (const bad of ['*', 'javascript:alert(1)', `${merchant.origin}/path`, 'null']) {
    const url = `${await challengeUrl()}?parent_origin=${encodeURIComponent(bad)}`;
    const res = await send(gw.url, { method: 'GET', path: url.slice(gw.url.length) });
    result.check(
      `3-D Secure: parent_origin=${bad} refused`,
      res.status === 400,
      `answered ${res.status}`,
    );
  }
  const page = await send(gw.url, {
    method: 'GET',
    path: (await challengeUrl()).slice(gw.url.length),
  });
  const csp = header(page, 'content-security-policy');
  result.check(
    '3-D Secure page: strict CSP, nosniff, no inline script',
    /default-src 'none'/.test(csp) &&
      /script-src 'self'(;|$)/.test(csp) &&
      header(page, 'x-content-type-options') === 'nosniff' &&
      !/<script(?![^>]*\bsrc=)[^>]*>/i.test(page.text),
    `CSP "${csp}"`,
  );
}
