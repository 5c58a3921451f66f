import type { FastifyPluginAsync } from 'fastify';
import { GatewayError, GatewayUnreachable } from '../gateway-client.js';
import { noticeFrom, ordersPage } from '../pages/orders.js';

type OrdersQuery = {
  after?: string;
  payment?: string;
  done?: string;
  error?: string;
};

const ordersQuery = {
  type: 'object',
  properties: {
    after: { type: 'string' },
    payment: { type: 'string' },
    done: { type: 'string' },
    error: { type: 'string' },
  },
} as const;

const actions = ['capture', 'void', 'refund'] as const;
type Action = (typeof actions)[number];

const actionParams = {
  type: 'object',
  required: ['paymentId', 'action'],
  properties: { paymentId: { type: 'string' }, action: { type: 'string', enum: actions } },
} as const;

/** The amount field: empty means "all of it"; otherwise a positive number, checked below. */
const actionBody = {
  type: 'object',
  nullable: true,
  properties: { amount: { type: 'string' } },
} as const;

/** /orders: the merchant's list of payments, and capture, void and refund on each. */
export const backOfficeRoutes: FastifyPluginAsync = async (app) => {
  const { gateway } = app;

  app.get<{ Querystring: OrdersQuery }>(
    '/orders',
    { schema: { querystring: ordersQuery } },
    async (req, reply) => {
      const after = req.query.after ?? '';
      let list = null;
      try {
        list = await gateway.listPayments({
          limit: 20,
          ...(after ? { starting_after: after } : {}),
        });
      } catch (err) {
        if (!(err instanceof GatewayUnreachable || err instanceof GatewayError)) throw err;
      }
      const body = ordersPage(list, noticeFrom(req.query), after);
      return reply.page({ title: 'Orders', body });
    },
  );

  // Answered as a redirect back to /orders with a notice; an unknown action is "not found".
  app.post<{ Params: { paymentId: string; action: Action }; Body: { amount?: string } | null }>(
    '/orders/:paymentId/:action',
    { schema: { params: actionParams, body: actionBody }, attachValidation: true },
    async (req, reply) => {
      if (req.validationError?.validationContext === 'params') return reply.notFoundPage();
      const { paymentId, action } = req.params;
      const back = (params: Record<string, string>) =>
        reply.redirect(`/orders?${new URLSearchParams({ payment: paymentId, ...params })}`, 303);
      const raw = req.validationError ? 'invalid' : (req.body?.amount ?? '').trim();
      const amount = raw === '' ? undefined : Number(raw);
      if (amount !== undefined && !(Number.isFinite(amount) && amount > 0)) {
        return back({ error: 'invalid_amount' });
      }
      try {
        if (action === 'capture') await gateway.capture(paymentId, amount);
        else if (action === 'void') await gateway.void(paymentId);
        else await gateway.refund(paymentId, amount);
      } catch (err) {
        if (err instanceof GatewayUnreachable || err instanceof GatewayError) {
          return back({ error: err.code });
        }
        throw err;
      }
      return back({ done: action });
    },
  );
};
