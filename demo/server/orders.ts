// Checkout sessions ("orders") and the one place that creates payments for them.
//
// Charging once is guarded three ways: an order that already has a live payment is never charged
// again; concurrent pay requests for one order share a single gateway call; and every gateway call
// carries an Idempotency-Key derived from the order and its attempt number, replayed verbatim
// (same key, same token) when an earlier call's outcome was unknown.
import { randomBytes } from 'node:crypto';
import type { Product } from './catalog.js';
import {
  GatewayError,
  GatewayUnreachable,
  type CreatePayment,
  type GatewayClient,
  type Payment,
  type PaymentStatus,
} from './gateway-client.js';

export type Integration = 'split' | 'card' | 'form' | Framework;
/** The checkouts written with the React and Vue wrappers, rendered on the server and hydrated. */
export type Framework = 'react' | 'vue';
export type ThreeDSMode = 'modal' | 'redirect';
export type CaptureMethod = 'automatic' | 'manual';

export interface Order {
  id: string;
  product: Product;
  integration: Integration;
  threeDS: ThreeDSMode;
  captureMethod: CaptureMethod;
  /** Failed attempts so far; the next payment's Idempotency-Key ends with it. */
  attempt: number;
  /** The latest payment of this order. */
  payment: Payment | null;
  /** A create call whose outcome is unknown (gateway unreachable): retried verbatim. */
  unsettled: { body: CreatePayment; key: string } | null;
  inFlight: Promise<PayOutcome> | null;
}

export type OrderState = 'open' | 'requires_action' | 'paid' | 'failed';

export type PayOutcome =
  { ok: true; order: Order } | { ok: false; order: Order; code: string; httpStatus: number };

const MAX_ORDERS = 10_000;

/** Payment statuses after which the order must never be charged again. */
const SETTLED = new Set<PaymentStatus>([
  'completed',
  'authorized',
  'refunded',
  'partially_refunded',
  'canceled',
]);

export function orderState(order: Order): OrderState {
  const status = order.payment?.status;
  if (!status) return 'open';
  if (status === 'requires_action') return 'requires_action';
  if (status === 'failed') return 'failed';
  return SETTLED.has(status) ? 'paid' : 'open';
}

export class OrderBook {
  private readonly orders = new Map<string, Order>();

  constructor(
    private readonly gateway: GatewayClient,
    private readonly shopUrl: string,
  ) {}

  create(product: Product): Order {
    const order: Order = {
      id: `ord_${randomBytes(9).toString('base64url')}`,
      product,
      integration: 'split',
      threeDS: 'modal',
      captureMethod: 'automatic',
      attempt: 0,
      payment: null,
      unsettled: null,
      inFlight: null,
    };
    this.orders.set(order.id, order);
    // Memory is the demo's store: the oldest checkouts go first once there are very many.
    if (this.orders.size > MAX_ORDERS) {
      const oldest = this.orders.keys().next().value;
      if (oldest) this.orders.delete(oldest);
    }
    return order;
  }

  get(id: string): Order | undefined {
    return this.orders.get(id);
  }

  /**
   * Rebuilds an order the shop forgot (it keeps orders in memory and may have restarted while
   * the customer was at the 3-D Secure page) from its payment, if the payment is really its.
   */
  adopt(id: string, payment: Payment, product: Product): Order {
    const order = this.create(product);
    this.orders.delete(order.id);
    Object.assign(order, {
      id,
      payment,
      attempt: 1,
      captureMethod: payment.capture_method,
      threeDS: 'redirect',
    });
    this.orders.set(id, order);
    return order;
  }

  /** Pays the order with a card token, at most once however often it is called. */
  pay(order: Order, token: string): Promise<PayOutcome> {
    if (order.inFlight) return order.inFlight;
    const state = orderState(order);
    if (state === 'paid' || state === 'requires_action') {
      return Promise.resolve({ ok: true, order });
    }
    order.inFlight = this.createPayment(order, token).finally(() => {
      order.inFlight = null;
    });
    return order.inFlight;
  }

  /** Reads the order's payment again from the gateway (after 3-D Secure, on return). */
  async refresh(order: Order): Promise<Order> {
    if (!order.payment) return order;
    if (order.inFlight) await order.inFlight;
    const payment = await this.gateway.getPayment(order.payment.id);
    order.payment = payment;
    return order;
  }

  private async createPayment(order: Order, token: string): Promise<PayOutcome> {
    const request = order.unsettled ?? {
      key: `${order.id}-attempt-${order.attempt + 1}`,
      body: {
        amount: order.product.price,
        currency: order.product.currency,
        token,
        capture_method: order.captureMethod,
        return_url: `${this.shopUrl}/checkout/${order.id}/return`,
        external_id: order.id,
        metadata: { product: order.product.id, integration: order.integration },
      },
    };
    try {
      const payment = await this.gateway.createPayment(request.body, request.key);
      order.unsettled = null;
      order.payment = payment;
      // Each settled attempt gets its own key: a retry after a decline carries a new token.
      order.attempt += 1;
      return { ok: true, order };
    } catch (err) {
      if (err instanceof GatewayUnreachable || (err instanceof GatewayError && err.status >= 500)) {
        order.unsettled = request;
        return { ok: false, order, code: 'gateway_unreachable', httpStatus: 502 };
      }
      if (err instanceof GatewayError && err.code === 'idempotency_key_in_use') {
        // The first call is still running at the gateway: its result is the one that counts.
        order.unsettled = request;
        return { ok: false, order, code: 'payment_in_progress', httpStatus: 409 };
      }
      order.unsettled = null;
      order.attempt += 1;
      if (err instanceof GatewayError) {
        return { ok: false, order, code: err.code, httpStatus: err.status === 429 ? 429 : 400 };
      }
      throw err;
    }
  }
}
