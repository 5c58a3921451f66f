import fp from 'fastify-plugin';
import { customerMessage } from '../../src/customer-messages.js';
import { messagePage } from '../pages/message.js';
import { requestGuard } from '../request-guard.js';
import './shop-deps.types.js';

/**
 * The merchant's CSP: its own origin plus exactly the gateway, nothing else. Word for word the
 * policy the merchant guide (packages/host/README.md) gives to copy; a test keeps them equal.
 */
export function contentSecurityPolicy(gatewayUrl: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${gatewayUrl}`,
    `frame-src ${gatewayUrl}`,
    // The no-script checkout's POST may answer with a redirect to the 3-D Secure page.
    `form-action 'self' ${gatewayUrl}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/**
 * On every answer: the CSP and the other security headers. Before any route: only requests
 * addressed to this shop by name, and POSTs only from its own origin (see request-guard.ts
 * for why: DNS rebinding, cross-site forms).
 */
export const shopSecurity = fp(
  async (fastify) => {
    const config = fastify.shopConfig;
    const csp = contentSecurityPolicy(config.gatewayUrl);
    fastify.addHook('onSend', async (_req, reply) => {
      reply.header('Content-Security-Policy', csp);
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Referrer-Policy', 'same-origin');
      if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    });

    const refusal = requestGuard(config);
    fastify.addHook('onRequest', async (req, reply) => {
      const refused = refusal(req);
      if (!refused) return;
      const status = refused === 'misdirected_request' ? 421 : 403;
      const message = customerMessage(refused);
      if (req.url.startsWith('/api/')) {
        return reply.code(status).send({ error: { code: refused, message } });
      }
      // A way back to the shop's own address, since this one is not it.
      const body = messagePage('Request refused', message, `${config.shopUrl}/`);
      return reply.page({ title: 'Request refused', body }, status);
    });
  },
  { name: 'shop-security', fastify: '5.x', dependencies: ['shop-deps', 'page-replies'] },
);
