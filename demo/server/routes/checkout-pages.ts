import type { FastifyPluginAsync } from 'fastify';
import { customerMessage } from '../../src/customer-messages.js';
import { findProduct } from '../catalog.js';
import { GatewayUnreachable } from '../gateway-client.js';
import { renderCheckout } from '../framework-checkout.js';
import { orderState, type Framework, type Order } from '../orders.js';
import { checkoutPage, payLabel } from '../pages/checkout.js';
import { cardLabels, shopLanguage } from '../shop-language.js';
import { resultPage } from '../pages/result.js';
import { orderParams, type OrderParams } from './schemas.js';

interface CheckoutSettings {
  integration?: string;
  capture?: string;
  three_ds?: string;
  error?: string;
}

// The settings are plain strings, not enums: a value the shop does not know is ignored (the
// checkout opens with its defaults), as links from older pages expect.
const checkoutQuery = {
  type: 'object',
  properties: {
    integration: { type: 'string' },
    capture: { type: 'string' },
    three_ds: { type: 'string' },
    error: { type: 'string' },
  },
} as const;

const newCheckoutBody = {
  type: 'object',
  nullable: true,
  properties: { product: { type: 'string' } },
} as const;

/** What the no-script checkout's form posts: the token the SDK's form-associated group set. */
const formPaymentBody = {
  type: 'object',
  nullable: true,
  required: ['card_token'],
  properties: { card_token: { type: 'string', pattern: '^tok_' } },
} as const;

const returnQuery = {
  type: 'object',
  properties: { payment_id: { type: 'string' } },
} as const;

/**
 * The checkout as pages: start one for a product, show it (script, no-script form, React or
 * Vue), take the no-script form's post, come back from 3-D Secure, show the result.
 */
export const checkoutPageRoutes: FastifyPluginAsync = async (app) => {
  const { orders, gateway, shopConfig: config } = app;

  // An unknown or malformed product is the same "not found" page.
  app.post<{ Body: { product?: string } | null }>(
    '/checkout',
    { schema: { body: newCheckoutBody }, attachValidation: true },
    (req, reply) => {
      const product = req.validationError ? undefined : findProduct(req.body?.product ?? '');
      if (!product) return reply.notFoundPage();
      const order = orders.create(product);
      return reply.redirect(`/checkout/${order.id}`, 303);
    },
  );

  app.get<{ Params: OrderParams; Querystring: CheckoutSettings }>(
    '/checkout/:id',
    { schema: { params: orderParams, querystring: checkoutQuery } },
    async (req, reply) => {
      const order = orders.get(req.params.id);
      if (!order) return reply.notFoundPage();
      const query = req.query;
      if (order.payment?.status === 'requires_action') {
        // The customer may have finished the challenge just before a reload.
        await orders.refresh(order).catch(() => order);
      }
      const state = orderState(order);
      if (state === 'paid') return reply.redirect(`/result/${order.id}`, 303);
      if (state !== 'requires_action') applySettings(order, query);
      const message = query.error ? customerMessage(query.error) : '';
      const framework = order.integration === 'react' || order.integration === 'vue';
      if (framework && state !== 'requires_action') {
        // The SDK comes bundled in the app, which pays with useCardFields().tokenize().
        const settings = {
          orderId: order.id,
          threeDS: order.threeDS,
          publishableKey: config.publishableKey,
          gateway: config.gatewayUrl,
          label: payLabel(order),
        };
        const markup = await renderCheckout(order.integration as Framework, settings);
        const app = { framework: order.integration as Framework, settings, markup };
        return reply.page({
          title: 'Checkout',
          app: app.framework,
          body: checkoutPage(config, order, message, app, cardLabels(shopLanguage(req))),
        });
      }
      return reply.page({
        title: 'Checkout',
        sdk: true,
        script: order.integration !== 'form',
        body: checkoutPage(config, order, message, undefined, cardLabels(shopLanguage(req))),
      });
    },
  );

  // The no-script checkout: no token, or not a token, sends the customer back to the form.
  app.post<{ Params: OrderParams; Body: { card_token?: string } | null }>(
    '/checkout/:id',
    { schema: { params: orderParams, body: formPaymentBody }, attachValidation: true },
    async (req, reply) => {
      const order = orders.get(req.params.id);
      if (!order) return reply.notFoundPage();
      const token = req.validationError ? undefined : req.body?.card_token;
      if (token === undefined) {
        return reply.redirect(`/checkout/${order.id}?error=missing_card_token`, 303);
      }
      const outcome = await orders.pay(order, token);
      if (!outcome.ok) return reply.redirect(`/checkout/${order.id}?error=${outcome.code}`, 303);
      const redirect = order.payment?.status === 'requires_action' && order.payment.redirect_url;
      return reply.redirect(redirect || `/result/${order.id}`, 303);
    },
  );

  // 3-D Secure by redirect comes back here; the gateway's word is read again, not the query.
  app.get<{ Params: OrderParams; Querystring: { payment_id?: string } }>(
    '/checkout/:id/return',
    { schema: { params: orderParams, querystring: returnQuery } },
    async (req, reply) => {
      const order =
        orders.get(req.params.id) ?? (await adoptReturning(req.params.id, req.query.payment_id));
      if (!order) return reply.notFoundPage();
      try {
        await orders.refresh(order);
      } catch (err) {
        if (!(err instanceof GatewayUnreachable)) throw err;
        return reply.redirect(`/checkout/${order.id}?error=gateway_unreachable`, 303);
      }
      return reply.redirect(
        orderState(order) === 'requires_action' ? `/checkout/${order.id}` : `/result/${order.id}`,
        303,
      );
    },
  );

  /** An order this shop forgot (a restart) is taken back from its payment at the gateway. */
  async function adoptReturning(id: string, paymentId: string | undefined) {
    if (!paymentId?.startsWith('pay_')) return undefined;
    const payment = await gateway.getPayment(paymentId).catch(() => null);
    const product = findProduct(payment?.metadata.product ?? '');
    if (!payment || payment.external_id !== id || !product) return undefined;
    return orders.adopt(id, payment, product);
  }

  app.get<{ Params: OrderParams }>(
    '/result/:id',
    { schema: { params: orderParams } },
    (req, reply) => {
      const order = orders.get(req.params.id);
      if (!order) return reply.notFoundPage();
      if (orderState(order) === 'open') return reply.redirect(`/checkout/${order.id}`, 303);
      return reply.page({ title: 'Payment', body: resultPage(order) });
    },
  );
};

/** The demo's settings from the checkout's query; unknown values are ignored. */
function applySettings(order: Order, query: CheckoutSettings) {
  const integrations = ['split', 'card', 'form', 'react', 'vue'] as const;
  const integration = integrations.find((name) => name === query.integration);
  if (integration) order.integration = integration;
  if (query.capture === 'automatic' || query.capture === 'manual') {
    order.captureMethod = query.capture;
  }
  if (query.three_ds === 'modal' || query.three_ds === 'redirect') order.threeDS = query.three_ds;
}
