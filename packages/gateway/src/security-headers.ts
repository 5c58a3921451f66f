import type { FastifyReply, FastifyRequest } from 'fastify';

/** The API's own CSP: JSON needs nothing, and no page may frame it. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every answer. Routes that serve documents (frames, the 3-D Secure page, the SDK)
 * set their own CSP first; everything else gets the locked-down API defaults.
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('Request-Id', request.id);
  void reply.header('X-Content-Type-Options', 'nosniff');
  void reply.header('Referrer-Policy', 'no-referrer');
  if (!reply.hasHeader('Content-Security-Policy')) {
    void reply.header('Content-Security-Policy', apiCsp);
    void reply.header('X-Frame-Options', 'DENY');
  }
  if (!reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'no-store');
}
