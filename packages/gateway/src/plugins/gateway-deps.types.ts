import type { Clock } from '../clock.js';
import type { CardCipher } from '../crypto/card-cipher.js';
import type { Storage } from '../storage/storage.js';
import type { TokenRateLimits } from '../token-rate-limit.js';

/** Where the gateway is reached and what it serves, resolved once from GatewayOptions. */
export interface GatewaySettings {
  /** Origin of the gateway as browsers reach it; undefined: the Host of each request. */
  publicUrl: string | undefined;
  /** Sandbox card-network latency per payment, in milliseconds. */
  networkLatencyMs: number;
  /** The built frame app and host SDK the asset routes serve. */
  frameDir: string;
  sdkDir: string;
  /** The @pay packages' tarballs the /npm/ registry serves. */
  npmDir: string;
}

// What the gateway-deps plugin decorates the instance with: route plugins read their
// dependencies from `fastify.*`, so none of them imports the server that registers it.
declare module 'fastify' {
  interface FastifyInstance {
    storage: Storage;
    cipher: CardCipher;
    clock: Clock;
    tokenRateLimits: TokenRateLimits;
    gatewaySettings: GatewaySettings;
  }
}
