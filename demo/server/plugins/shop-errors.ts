import fp from 'fastify-plugin';
import { customerMessage } from '../../src/customer-messages.js';
import { messagePage } from '../pages/message.js';
import './shop-deps.types.js';

/**
 * Unknown URLs and errors: JSON under /api/, a page elsewhere. A failed schema (400) is
 * `bad_request`, anything else `shop_error`; messages never quote the request.
 */
export const shopErrors = fp(
  async (fastify) => {
    fastify.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) {
        return reply.code(404).send({ error: { code: 'not_found' } });
      }
      return reply.notFoundPage();
    });

    fastify.setErrorHandler((err, req, reply) => {
      const status = (err as { statusCode?: number }).statusCode ?? 500;
      // Name and code only: an error's message could quote a request body.
      if (status >= 500) {
        req.log.error({
          err: { name: (err as Error).name, code: (err as { code?: string }).code },
        });
      }
      const code = status < 500 ? 'bad_request' : 'shop_error';
      if (req.url.startsWith('/api/')) {
        return reply.code(status).send({ error: { code, message: customerMessage(code) } });
      }
      return reply.page(
        {
          title: 'Something went wrong',
          body: messagePage('Something went wrong', customerMessage(code)),
        },
        status,
      );
    });
  },
  { name: 'shop-errors', fastify: '5.x', dependencies: ['page-replies'] },
);
