// The demo shop: a merchant's web server on its own origin. It renders the pages, holds the
// secret key and creates payments from card tokens; card numbers never reach it.
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { fileURLToPath } from 'node:url';
import { customerMessage } from '../src/customer-messages.js';
import { findProduct } from './catalog.js';
import type { ShopConfig } from './config.js';
import { GatewayClient, GatewayError, GatewayUnreachable } from './gateway-client.js';
import { OrderBook, orderState, type Framework, type Order } from './orders.js';
import { renderCheckout } from './framework-checkout.js';
import { checkoutPage, payLabel } from './pages/checkout.js';
import { homePage } from './pages/home.js';
import { layout, type PageOptions } from './pages/layout.js';
import { messagePage } from './pages/message.js';
import { noticeFrom, ordersPage } from './pages/orders.js';
import { resultPage } from './pages/result.js';
import { requestGuard } from './request-guard.js';

const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));
const ASSETS_DIR = fileURLToPath(new URL('../dist/assets/', import.meta.url));

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

export function buildShop(config: ShopConfig) {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    bodyLimit: 16 * 1024,
  });
  const gateway = new GatewayClient(config.gatewayUrl, config.secretKey);
  const orders = new OrderBook(gateway, config.shopUrl);
  const csp = contentSecurityPolicy(config.gatewayUrl);

  app.register(formbody);
  app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/static/' });
  app.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', decorateReply: false });

  app.addHook('onSend', async (_req, reply) => {
    reply.header('Content-Security-Policy', csp);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });

  // Only requests addressed to this shop by name, and POSTs only from its own origin: see
  // request-guard.ts for why (DNS rebinding, cross-site forms). Refused before any route runs.
  const refusal = requestGuard(config);
  app.addHook('onRequest', async (req, reply) => {
    const refused = refusal(req);
    if (!refused) return;
    const status = refused === 'misdirected_request' ? 421 : 403;
    const message = customerMessage(refused);
    if (req.url.startsWith('/api/')) {
      return reply.code(status).send({ error: { code: refused, message } });
    }
    // A way back to the shop's own address, since this one is not it.
    const body = messagePage('Request refused', message, `${config.shopUrl}/`);
    return page(reply, { title: 'Request refused', body }, status);
  });

  function page(reply: FastifyReply, options: PageOptions, status = 200) {
    return reply.code(status).type('text/html; charset=utf-8').send(layout(config, options));
  }

  function notFound(reply: FastifyReply) {
    return page(
      reply,
      {
        title: 'Not found',
        body: messagePage(
          'We could not find that',
          'This checkout does not exist any more (the shop may have restarted). Please start again from the shop.',
        ),
      },
      404,
    );
  }

  function orderOf(req: FastifyRequest): Order | undefined {
    return orders.get((req.params as { id: string }).id);
  }

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

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/', (_req, reply) => page(reply, { title: 'Shop', body: homePage() }));

  app.post('/checkout', (req, reply) => {
    const product = findProduct(String((req.body as { product?: unknown } | null)?.product ?? ''));
    if (!product) return notFound(reply);
    const order = orders.create(product);
    return reply.redirect(`/checkout/${order.id}`, 303);
  });

  app.get('/checkout/:id', async (req, reply) => {
    const order = orderOf(req);
    if (!order) return notFound(reply);
    const query = req.query as Record<string, string | undefined>;
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
      return page(reply, {
        title: 'Checkout',
        app: app.framework,
        body: checkoutPage(config, order, message, app),
      });
    }
    return page(reply, {
      title: 'Checkout',
      sdk: true,
      script: order.integration !== 'form',
      body: checkoutPage(config, order, message),
    });
  });

  // The no-script checkout: the form posts card_token, set by the SDK's form-associated group.
  app.post('/checkout/:id', async (req, reply) => {
    const order = orderOf(req);
    if (!order) return notFound(reply);
    const token = (req.body as { card_token?: unknown } | null)?.card_token;
    if (typeof token !== 'string' || !token.startsWith('tok_')) {
      return reply.redirect(`/checkout/${order.id}?error=missing_card_token`, 303);
    }
    const outcome = await orders.pay(order, token);
    if (!outcome.ok) return reply.redirect(`/checkout/${order.id}?error=${outcome.code}`, 303);
    const redirect = order.payment?.status === 'requires_action' && order.payment.redirect_url;
    return reply.redirect(redirect || `/result/${order.id}`, 303);
  });

  app.post('/api/checkout/:id/pay', async (req, reply) => {
    const order = orderOf(req);
    if (!order) return reply.code(404).send({ error: { code: 'not_found' } });
    const token = (req.body as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || !token.startsWith('tok_')) {
      return reply.code(400).send(orderView(order, 'missing_card_token'));
    }
    const outcome = await orders.pay(order, token);
    if (!outcome.ok) return reply.code(outcome.httpStatus).send(orderView(order, outcome.code));
    return orderView(order);
  });

  app.post('/api/checkout/:id/refresh', async (req, reply) => {
    const order = orderOf(req);
    if (!order) return reply.code(404).send({ error: { code: 'not_found' } });
    try {
      await orders.refresh(order);
    } catch (err) {
      if (err instanceof GatewayUnreachable)
        return reply.code(502).send(orderView(order, err.code));
      throw err;
    }
    return orderView(order);
  });

  // 3-D Secure by redirect comes back here; the gateway's word is read again, not the query.
  app.get('/checkout/:id/return', async (req, reply) => {
    const order = orderOf(req) ?? (await adoptReturning(req));
    if (!order) return notFound(reply);
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
  });

  async function adoptReturning(req: FastifyRequest): Promise<Order | undefined> {
    const { id } = req.params as { id: string };
    const paymentId = (req.query as { payment_id?: string }).payment_id;
    if (!paymentId?.startsWith('pay_')) return undefined;
    const payment = await gateway.getPayment(paymentId).catch(() => null);
    const product = findProduct(payment?.metadata.product ?? '');
    if (!payment || payment.external_id !== id || !product) return undefined;
    return orders.adopt(id, payment, product);
  }

  app.get('/result/:id', (req, reply) => {
    const order = orderOf(req);
    if (!order) return notFound(reply);
    if (orderState(order) === 'open') return reply.redirect(`/checkout/${order.id}`, 303);
    return page(reply, { title: 'Payment', body: resultPage(order) });
  });

  app.get('/orders', async (req, reply) => {
    const query = req.query as Record<string, string | undefined>;
    const after = query.after ?? '';
    let list = null;
    try {
      list = await gateway.listPayments({ limit: 20, ...(after ? { starting_after: after } : {}) });
    } catch (err) {
      if (!(err instanceof GatewayUnreachable || err instanceof GatewayError)) throw err;
    }
    const body = ordersPage(list, noticeFrom(query), after);
    return page(reply, { title: 'Orders', body });
  });

  app.post('/orders/:paymentId/:action', async (req, reply) => {
    const { paymentId, action } = req.params as { paymentId: string; action: string };
    const raw = String((req.body as { amount?: unknown } | null)?.amount ?? '').trim();
    const amount = raw === '' ? undefined : Number(raw);
    const back = (params: Record<string, string>) =>
      reply.redirect(`/orders?${new URLSearchParams({ payment: paymentId, ...params })}`, 303);
    if (amount !== undefined && !(Number.isFinite(amount) && amount > 0)) {
      return back({ error: 'invalid_amount' });
    }
    try {
      if (action === 'capture') await gateway.capture(paymentId, amount);
      else if (action === 'void') await gateway.void(paymentId);
      else if (action === 'refund') await gateway.refund(paymentId, amount);
      else return notFound(reply);
    } catch (err) {
      if (err instanceof GatewayUnreachable || err instanceof GatewayError) {
        return back({ error: err.code });
      }
      throw err;
    }
    return back({ done: action });
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: { code: 'not_found' } });
    return notFound(reply);
  });

  app.setErrorHandler((err, req, reply) => {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    // Name and code only: an error's message could quote a request body.
    if (status >= 500) {
      req.log.error({ err: { name: (err as Error).name, code: (err as { code?: string }).code } });
    }
    const code = status < 500 ? 'bad_request' : 'shop_error';
    if (req.url.startsWith('/api/')) {
      return reply.code(status).send({ error: { code, message: customerMessage(code) } });
    }
    return page(
      reply,
      {
        title: 'Something went wrong',
        body: messagePage('Something went wrong', customerMessage(code)),
      },
      status,
    );
  });

  return app;
}

function applySettings(order: Order, query: Record<string, string | undefined>) {
  const integrations = ['split', 'card', 'form', 'react', 'vue'] as const;
  const integration = integrations.find((name) => name === query.integration);
  if (integration) order.integration = integration;
  if (query.capture === 'automatic' || query.capture === 'manual') {
    order.captureMethod = query.capture;
  }
  if (query.three_ds === 'modal' || query.three_ds === 'redirect') order.threeDS = query.three_ds;
}
