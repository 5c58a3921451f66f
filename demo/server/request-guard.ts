// Which requests the shop answers at all. Its POST routes move money (checkout, and the back
// office's capture, void and refund), and /orders lists payments, so two checks run first:
//
// - Host must be the shop's own, from its configuration. Under DNS rebinding, a page on
//   attacker.example has its name re-pointed at this server: its requests then carry
//   Host: attacker.example and, being same-origin with that page, a matching Origin. Only the
//   Host gives them away, on reads (GET /orders) as much as on POSTs.
// - A POST's Origin must be the shop's configured URL. Never compare it with one built from
//   the request (`http://` + Host): the request chooses its Host, so that check passes for the
//   rebinding page above. A POST without Origin (curl, an old browser) is let through: every
//   current browser sends one on a POST, so a cross-site form always has one.
import type { ShopConfig } from './config.js';

export type Refusal = 'misdirected_request' | 'forbidden_origin';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

export function requestGuard(config: Pick<ShopConfig, 'shopUrl'>) {
  const shop = new URL(config.shopUrl);
  // The Host values that name the shop: as the URL spells it, and with its default port spelled
  // out (a client may send either). Host names compare case-insensitively.
  const hosts = new Set([shop.host]);
  if (!shop.port) hosts.add(`${shop.host}:${DEFAULT_PORTS[shop.protocol] ?? ''}`);

  /** Why the shop will not answer this request, or undefined when it will. */
  return function refusal(request: {
    method: string;
    headers: { host?: string; origin?: string };
  }): Refusal | undefined {
    const host = request.headers.host?.toLowerCase();
    if (!host || !hosts.has(host)) return 'misdirected_request';
    const origin = request.headers.origin;
    if (request.method === 'POST' && origin !== undefined && origin !== shop.origin) {
      return 'forbidden_origin';
    }
    return undefined;
  };
}
