import fp from 'fastify-plugin';
import type { ShopConfig } from '../config.js';
import { GatewayClient } from '../gateway-client.js';
import { OrderBook } from '../orders.js';
import './shop-deps.types.js';

/** Decorates the root instance with the shop's configuration, gateway client and orders. */
export const shopDeps = fp<{ config: ShopConfig }>(
  async (fastify, { config }) => {
    const gateway = new GatewayClient(config.gatewayUrl, config.secretKey);
    fastify.decorate('shopConfig', config);
    fastify.decorate('gateway', gateway);
    fastify.decorate('orders', new OrderBook(gateway, config.shopUrl));
  },
  { name: 'shop-deps', fastify: '5.x' },
);
