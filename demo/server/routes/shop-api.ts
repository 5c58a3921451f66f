import type { FastifyPluginAsync } from 'fastify';
import { customerMessage } from '../../src/customer-messages.js';
import { GatewayUnreachable } from '../gateway-client.js';
import { orderState, type Order } from '../orders.js';
import { orderParams, type OrderParams } from './schemas.js';

/** What the checkout script posts: the token tokenize() gave it. */
const payBody = {
  type: 'object',
  nullable: true,
  required: ['token'],
  properties: { token: { type: 'string', pattern: '^tok_' } },
} as const;

/** The order as the checkout script sees it (no card data: the shop never has any). */
function orderView(order: Order, error?: string) {
  const payment = order.payment;
  return {
    id: order.id,
    state: orderState(order),
    result_url: `/result/${order.id}`,
    payment: payment
      ? {
          id: payment.id,
          status: payment.status,
          redirect_url: payment.redirect_url,
          error_code: payment.error?.code ?? null,
        }
      : null,
    ...(error ? { error: { code: error, message: customerMessage(error) } } : {}),
  };
}

/** /api/checkout/:id/*: the JSON API the checkout scripts (plain, React, Vue) call. */
export const shopApiRoutes: FastifyPluginAsync = async (app) => {
  const { orders } = app;

  // An unknown order first (404), then a missing or malformed token (400 missing_card_token).
  app.post<{ Params: OrderParams; Body: { token?: string } | null }>(
    '/api/checkout/:id/pay',
    { schema: { params: orderParams, body: payBody }, attachValidation: true },
    async (req, reply) => {
      const order = orders.get(req.params.id);
      if (!order) return reply.code(404).send({ error: { code: 'not_found' } });
      const token = req.validationError ? undefined : req.body?.token;
      if (token === undefined) return reply.code(400).send(orderView(order, 'missing_card_token'));
      const outcome = await orders.pay(order, token);
      if (!outcome.ok) return reply.code(outcome.httpStatus).send(orderView(order, outcome.code));
      return orderView(order);
    },
  );

  app.post<{ Params: OrderParams }>(
    '/api/checkout/:id/refresh',
    { schema: { params: orderParams } },
    async (req, reply) => {
      const order = orders.get(req.params.id);
      if (!order) return reply.code(404).send({ error: { code: 'not_found' } });
      try {
        await orders.refresh(order);
      } catch (err) {
        if (err instanceof GatewayUnreachable)
          return reply.code(502).send(orderView(order, err.code));
        throw err;
      }
      return orderView(order);
    },
  );
};
