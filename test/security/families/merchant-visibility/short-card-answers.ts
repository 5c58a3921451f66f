// Digits of short numbers (12–15) through the real gateway, as the merchant side sees them.
import type { GatewayRun } from '../../lib/gateway-process.js';
import { api } from '../../lib/http-client.js';
import type { Attempts } from '../../lib/results.js';
import { overRevealed } from '../../lib/revealed-digits.js';
import { SHORT_CARDS, TEST_CARDS, cardBody, type TestCard } from '../../lib/test-cards.js';

export interface CardAnswer {
  id?: string;
  amount_refunded?: number;
  card?: { bin?: unknown; last4?: unknown };
}

/**
 * Numbers under 16 digits through the real gateway, as the merchant side sees them: the token
 * answer (what tokenize() passes on) and the payment, created, fetched and listed. Together
 * they must leave at least 6 digits hidden.
 */
export async function shortCardAnswers(gw: GatewayRun, result: Attempts): Promise<void> {
  const cards = [...SHORT_CARDS, ...TEST_CARDS.filter((c) => c.number.length < 16)];
  const paid: { label: string; card: TestCard; id: string; token: CardAnswer['card'] }[] = [];
  for (const card of cards) {
    const label = `API, ${card.brand} of ${card.number.length} digits`;
    const token = await api(gw.url, 'POST', '/v1/tokens', gw.publishableKey, cardBody(card));
    const t = token.json as CardAnswer | undefined;
    result.check(`${label}: tokenized`, token.status === 201, `POST /v1/tokens ${token.status}`);
    if (token.status !== 201 || !t?.id) continue;
    result.record(
      `${label}: the token answer shows at most length − 6 digits`,
      overRevealed(card.number, [t.card ?? {}]),
    );
    const payment = await api(gw.url, 'POST', '/v1/payments', gw.secretKey, {
      amount: 5,
      currency: 'usd',
      token: t.id,
    });
    const p = payment.json as CardAnswer | undefined;
    result.check(`${label}: paid`, payment.status === 201, `POST /v1/payments ${payment.status}`);
    if (!p?.id) continue;
    const fetched = await api(gw.url, 'GET', `/v1/payments/${p.id}`, gw.secretKey);
    result.record(
      `${label}: token, payment and fetched payment together show at most length − 6 digits`,
      overRevealed(card.number, [
        t.card ?? {},
        p.card ?? {},
        (fetched.json as CardAnswer | undefined)?.card ?? {},
      ]),
    );
    paid.push({ label, card, id: p.id, token: t.card });
  }
  const list = await api(gw.url, 'GET', '/v1/payments?limit=100', gw.secretKey);
  const listed = (list.json as { data?: CardAnswer[] } | undefined)?.data ?? [];
  for (const { label, card, id, token } of paid) {
    const entry = listed.find((p) => p.id === id);
    result.record(
      `${label}: the payment list and the token together show at most length − 6 digits`,
      entry ? overRevealed(card.number, [token ?? {}, entry.card ?? {}]) : 'not in the list',
    );
  }
}
