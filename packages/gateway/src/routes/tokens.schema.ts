import type { Static } from 'typebox';
import { TokenRequestBodySchema } from '@pay/protocol/gateway/card-body';
import { TokenAnswerSchema } from '@pay/protocol/gateway/token-answer';
import { errorResponse } from './error.schema.js';

/** The body and the 201 answer are the protocol's: the frame builds and reads the same shapes. */
export const createTokenSchema = {
  tags: ['tokens'],
  operationId: 'createToken',
  summary: 'Tokenize a card (publishable key)',
  security: [{ bearer: [] }],
  body: TokenRequestBodySchema,
  response: {
    201: TokenAnswerSchema,
    '4xx': errorResponse,
  },
} as const;

export type CreateTokenBody = Static<typeof createTokenSchema.body>;
export type CreateTokenAnswer = Static<(typeof createTokenSchema.response)[201]>;
