import { errorResponse } from './error.schema.js';

export const createTokenSchema = {
  tags: ['tokens'],
  operationId: 'createToken',
  summary: 'Tokenize a card (publishable key)',
  security: [{ bearer: [] }],
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['card'],
    properties: {
      card: {
        type: 'object',
        additionalProperties: false,
        required: ['number', 'exp_month', 'exp_year', 'cvc'],
        properties: {
          number: { type: 'string', minLength: 1, maxLength: 32, pattern: '^[0-9 -]+$' },
          exp_month: { type: 'integer', minimum: 1, maximum: 12 },
          exp_year: { type: 'integer', minimum: 1000, maximum: 9999 },
          cvc: { type: 'string', pattern: '^[0-9]{3,4}$' },
          cardholder_name: { type: 'string', maxLength: 100 },
        },
      },
    },
  },
  response: {
    201: {
      type: 'object',
      required: ['id', 'object', 'card', 'created_at', 'expires_at'],
      properties: {
        id: { type: 'string' },
        object: { type: 'string', enum: ['token'] },
        card: {
          type: 'object',
          properties: {
            bin: {
              type: 'string',
              pattern: '^[0-9]{2,6}$',
              description:
                'The first digits, cut so that 6 digits of the number stay hidden: 6 for numbers ' +
                'of 16 digits or more, 5 for 15, 4 for 14, 3 for 13, 2 for 12.',
            },
            last4: { type: 'string', pattern: '^[0-9]{4}$', description: 'The last 4 digits.' },
            brand: {
              type: 'string',
              enum: [
                'visa',
                'mastercard',
                'amex',
                'discover',
                'diners',
                'jcb',
                'unionpay',
                'maestro',
                'unknown',
              ],
            },
            exp_month: { type: 'integer' },
            exp_year: { type: 'integer' },
          },
        },
        created_at: { type: 'string', format: 'date-time' },
        expires_at: { type: 'string', format: 'date-time' },
      },
    },
    '4xx': errorResponse,
  },
} as const;

export interface CreateTokenBody {
  card: {
    number: string;
    exp_month: number;
    exp_year: number;
    cvc: string;
    cardholder_name?: string;
  };
}
