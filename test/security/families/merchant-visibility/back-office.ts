// The demo shop's back office against DNS rebinding.
import type { GatewayRun } from '../../lib/gateway-process.js';
import { api, send } from '../../lib/http-client.js';
import type { Attempts } from '../../lib/results.js';
import { TEST_CARDS, cardBody } from '../../lib/test-cards.js';
import type { CardAnswer } from './short-card-answers.js';
import type { Shop } from './shop.js';

/**
 * DNS rebinding: a page on attacker.example, whose name now resolves to the shop's address,
 * posts to the shop's back office. The browser sends Host: attacker.example and a matching
 * Origin; the shop must refuse, and no money may move. The same refund from the shop's own
 * origin then goes through, so the refusal is not down to the request's shape.
 */
export async function backOfficeRebinding(
  gw: GatewayRun,
  shop: Shop,
  result: Attempts,
): Promise<void> {
  const token = await api(
    gw.url,
    'POST',
    '/v1/tokens',
    gw.publishableKey,
    cardBody(TEST_CARDS[0]!),
  );
  const payment = await api(gw.url, 'POST', '/v1/payments', gw.secretKey, {
    amount: 12,
    currency: 'usd',
    token: (token.json as CardAnswer | undefined)?.id,
  });
  const paymentId = (payment.json as CardAnswer | undefined)?.id ?? '';
  const label = 'demo shop back office';
  result.check(`${label}: a payment to refund`, payment.status === 201, `${payment.status}`);
  const refunded = async () => {
    const fetched = await api(gw.url, 'GET', `/v1/payments/${paymentId}`, gw.secretKey);
    return (fetched.json as CardAnswer | undefined)?.amount_refunded;
  };
  const refund = (host: string, origin: string) =>
    send(shop.url, {
      method: 'POST',
      path: `/orders/${paymentId}/refund`,
      headers: { host, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'amount=',
    });
  const attacker = `attacker.example:${new URL(shop.url).port}`;
  const forged = await refund(attacker, `http://${attacker}`);
  result.check(
    `${label}: Host attacker.example with a matching Origin (DNS rebinding) is refused`,
    forged.status === 421 || forged.status === 403,
    `the refund answered ${forged.status}`,
  );
  result.check(
    `${label}: the refusal is a page, not a stack trace`,
    /<h1>/.test(forged.text) && !/\bat .+\.[jt]s:\d+/.test(forged.text),
    `answered ${forged.status}: ${forged.text.slice(0, 200)}`,
  );
  const afterForged = await refunded();
  result.check(
    `${label}: the refused refund moved no money`,
    afterForged === 0,
    `amount_refunded ${afterForged}`,
  );
  const read = await send(shop.url, {
    method: 'GET',
    path: '/orders',
    headers: { host: attacker },
  });
  result.check(
    `${label}: the rebound page cannot read the orders either`,
    read.status === 421 && !read.text.includes(paymentId),
    `GET /orders answered ${read.status}`,
  );
  const genuine = await refund(new URL(shop.url).host, shop.url);
  const afterGenuine = await refunded();
  result.check(
    `${label}: the same refund from the shop's own origin goes through (control)`,
    genuine.status === 303 && afterGenuine === 12,
    `the refund answered ${genuine.status}, amount_refunded ${afterGenuine}`,
  );
}
