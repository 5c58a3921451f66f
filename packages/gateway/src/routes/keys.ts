import type { FastifyPluginAsync } from 'fastify';
import { authenticate, requireAuth } from '../auth.js';
import { generateKey } from '../crypto/key-hash.js';
import { rollKeySchema } from './keys.schema.js';
import type { RollKeyAnswer, RollKeyBody } from './keys.schema.js';

/** POST /v1/keys/roll: what a merchant does when a key leaks (secret key only). */
export const keyRoutes: FastifyPluginAsync = async (app) => {
  const { storage, clock } = app;

  app.post<{ Body: RollKeyBody; Reply: RollKeyAnswer }>('/v1/keys/roll', {
    schema: rollKeySchema,
    onRequest: authenticate(storage, 'secret-key', clock),
    handler: async (request, reply) => {
      const { merchantId, mode } = requireAuth(request);
      const { kind, expire_old_in_seconds: expireIn = 0 } = request.body;
      const now = clock.now().getTime();
      const oldExpiresAtMs = now + expireIn * 1000;
      // Generated here and shown once; storage keeps its hash (and a publishable key, which is
      // public, in full), as for every other key.
      const key = generateKey(kind, mode);
      await storage.rollApiKey(merchantId, { kind, mode, key }, oldExpiresAtMs, now);
      request.log.info({ kind, mode, expireIn }, 'key rolled');
      return reply.code(200).send({
        object: 'api_key',
        kind,
        mode,
        key,
        previous_expires_at: new Date(oldExpiresAtMs).toISOString(),
      });
    },
  });
};
