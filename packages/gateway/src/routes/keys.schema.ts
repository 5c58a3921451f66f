import Type, { type Static } from 'typebox';
import { errorResponse } from './error.schema.js';

/** A rolled key's predecessor may keep working at most this long (a week). */
export const MAX_EXPIRE_OLD_IN_SECONDS = 7 * 24 * 60 * 60;

const keyKind = Type.Enum(['publishable', 'secret'], { type: 'string' });

export const rollKeySchema = {
  tags: ['keys'],
  operationId: 'rollKey',
  summary: 'Roll a key (secret key): a new key, the old one stops working',
  description:
    'Creates a new key of the kind asked for, in the mode of the secret key used, and shows it this once. ' +
    'The keys it replaces stop working after expire_old_in_seconds (default 0: at once, on every instance).',
  security: [{ bearer: [] }],
  body: Type.Object(
    {
      kind: keyKind,
      expire_old_in_seconds: Type.Optional(
        Type.Integer({ minimum: 0, maximum: MAX_EXPIRE_OLD_IN_SECONDS }),
      ),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      object: Type.Literal('api_key'),
      kind: keyKind,
      mode: Type.Enum(['test', 'live'], { type: 'string' }),
      key: Type.String({ description: 'The new key, in full: shown this once, stored hashed.' }),
      previous_expires_at: Type.String({
        format: 'date-time',
        description: 'When the keys it replaces stop working.',
      }),
    }),
    '4xx': errorResponse,
  },
} as const;

export type RollKeyBody = Static<typeof rollKeySchema.body>;
export type RollKeyAnswer = Static<(typeof rollKeySchema.response)[200]>;
