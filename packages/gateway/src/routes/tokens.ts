import type { FastifyCorsOptions } from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import { authenticate, requireAuth } from '../auth.js';
import { shownDigits } from '../card-disclosure.js';
import { checkCard } from '../card-rules.js';
import { newId } from '../ids.js';
import { tokenRateLimiter } from '../token-rate-limit.js';
import { createTokenSchema } from './tokens.schema.js';
import type { CreateTokenAnswer, CreateTokenBody } from './tokens.schema.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** @fastify/cors reads per-route options here (its types do not declare it). */
    cors?: FastifyCorsOptions | false;
  }
}

export const TOKEN_LIFETIME_MS = 30 * 60 * 1000;

/** @fastify/cors route options: any page may call this route with a publishable key. */
const tokenCors: FastifyCorsOptions = {
  origin: '*',
  methods: ['POST'],
  allowedHeaders: ['Authorization', 'Content-Type'],
  exposedHeaders: ['Request-Id', 'Retry-After'],
  maxAge: 600,
};

/** POST /v1/tokens: the browser's call (publishable key), the gateway's hot path. */
export const tokenRoutes: FastifyPluginAsync = async (app) => {
  const { storage, cipher, clock } = app;
  const rateLimit = tokenRateLimiter(app.tokenRateLimits);

  // The preflight: the cors hook answers it with these options (the plugin's own catch-all
  // OPTIONS route carries no route config, so it refuses, as on every other path).
  app.options('/v1/tokens', { schema: { hide: true }, config: { cors: tokenCors } }, (_, reply) =>
    reply.code(204).send(),
  );

  app.post<{ Body: CreateTokenBody; Reply: CreateTokenAnswer }>('/v1/tokens', {
    config: { cors: tokenCors },
    schema: createTokenSchema,
    // Every request spends its address's budget; only an accepted key and card spend the
    // merchant's (see tokenRateLimiter).
    onRequest: [rateLimit.byAddress, authenticate(storage, 'any-key', clock)],
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const { merchantId, mode } = auth;
      const now = clock.now();
      const card = request.body.card;
      const checked = checkCard(card, now);
      await rateLimit.byMerchant(auth, reply);
      const id = newId('tok');
      const createdAtMs = now.getTime();
      const expiresAtMs = createdAtMs + TOKEN_LIFETIME_MS;
      // Stored and answered alike: no row or answer holds more digits than the rule allows.
      const { bin, last4 } = shownDigits(checked.number);
      await storage.insertToken({
        id,
        merchantId,
        mode,
        brand: checked.brand,
        bin,
        last4,
        networksAvailable: checked.networks,
        networkPreferred: checked.preferredNetwork,
        expMonth: card.exp_month,
        expYear: card.exp_year,
        cardSealed: cipher.seal(
          JSON.stringify({ number: checked.number, name: card.cardholder_name ?? null }),
          id,
        ),
        cvcSealed: cipher.seal(checked.cvc, id),
        createdAtMs,
        expiresAtMs,
        usedAtMs: null,
      });
      return reply.code(201).send({
        id,
        object: 'token',
        card: {
          bin,
          last4,
          brand: checked.brand,
          exp_month: card.exp_month,
          exp_year: card.exp_year,
          networks: { available: checked.networks, preferred: checked.preferredNetwork },
        },
        created_at: now.toISOString(),
        expires_at: new Date(expiresAtMs).toISOString(),
      });
    },
  });
};
