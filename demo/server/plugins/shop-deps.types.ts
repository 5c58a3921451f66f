import type { ShopConfig } from '../config.js';
import type { GatewayClient } from '../gateway-client.js';
import type { OrderBook } from '../orders.js';
import type { PageOptions } from '../pages/layout.js';

// What the shop's plugins decorate: route plugins read their dependencies from `fastify.*`
// and answer pages with `reply.page(...)`, so none of them imports app.ts.
declare module 'fastify' {
  interface FastifyInstance {
    shopConfig: ShopConfig;
    /** The gateway's REST API, with the shop's secret key. */
    gateway: GatewayClient;
    orders: OrderBook;
  }
  interface FastifyReply {
    /** Sends `options` in the shop's layout as an HTML page. */
    page(options: PageOptions, status?: number): FastifyReply;
    /** The 404 page for a checkout, order or page that does not exist. */
    notFoundPage(): FastifyReply;
  }
}
