import fp from 'fastify-plugin';
import './gateway-deps.types.js';

export interface ExpiredDataSweepOptions {
  /** How often expired tokens lose their CVC (default every minute). */
  intervalMs?: number;
}

/** Wipes expired tokens' CVCs and old idempotency keys on a timer, stopped on close. */
export const expiredDataSweep = fp<ExpiredDataSweepOptions>(
  async (fastify, options) => {
    const sweep = setInterval(() => {
      fastify.storage.sweep(fastify.clock.now().getTime()).catch((error: unknown) => {
        fastify.log.error({ err: error }, 'sweep failed');
      });
    }, options.intervalMs ?? 60_000);
    sweep.unref();
    fastify.addHook('onClose', async () => clearInterval(sweep));
  },
  { name: 'expired-data-sweep', fastify: '5.x', dependencies: ['gateway-deps'] },
);
