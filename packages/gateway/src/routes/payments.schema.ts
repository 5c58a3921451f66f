import { errorResponse } from './error.schema.js';

const paymentObject = {
  type: 'object',
  required: ['id', 'object', 'status'],
  properties: {
    id: { type: 'string' },
    object: { type: 'string', enum: ['payment'] },
    status: {
      type: 'string',
      enum: [
        'requires_action',
        'authorized',
        'completed',
        'partially_refunded',
        'refunded',
        'canceled',
        'failed',
      ],
    },
    amount: { type: 'number' },
    currency: { type: 'string' },
    capture_method: { type: 'string', enum: ['automatic', 'manual'] },
    amount_captured: { type: 'number' },
    amount_refunded: { type: 'number' },
    card: {
      type: 'object',
      properties: {
        brand: { type: 'string' },
        last4: {
          type: 'string',
          pattern: '^[0-9]{4}$',
          description: 'The last 4 digits: the only digits of the number a payment shows.',
        },
        exp_month: { type: 'integer' },
        exp_year: { type: 'integer' },
      },
    },
    external_id: { type: ['string', 'null'] },
    metadata: { type: 'object', additionalProperties: { type: 'string' } },
    return_url: { type: ['string', 'null'] },
    redirect_url: { type: ['string', 'null'] },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
    error: {
      type: 'object',
      description: 'Present on failed payments.',
      properties: {
        type: { type: 'string' },
        code: { type: 'string' },
        message: { type: 'string' },
        request_id: { type: 'string' },
      },
    },
  },
} as const;

/** A failed payment answers 400 with the payment object; other 4xx with the error body. */
const paymentOrError = { anyOf: [paymentObject, errorResponse] } as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;

const idempotencyHeader = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      description: 'Retries with the same key never charge twice.',
    },
  },
} as const;

export const createPaymentSchema = {
  tags: ['payments'],
  operationId: 'createPayment',
  summary: 'Pay with a token (secret key)',
  security: [{ bearer: [] }],
  headers: idempotencyHeader,
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['amount', 'currency', 'token'],
    properties: {
      amount: { type: 'number' },
      currency: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      token: { type: 'string', minLength: 1, maxLength: 64 },
      capture_method: { type: 'string', enum: ['automatic', 'manual'] },
      return_url: { type: 'string', minLength: 1, maxLength: 2048 },
      external_id: { type: 'string', maxLength: 255 },
      metadata: {
        type: 'object',
        maxProperties: 20,
        propertyNames: { maxLength: 40 },
        additionalProperties: { type: 'string', maxLength: 500 },
      },
    },
  },
  response: { 201: paymentObject, 202: paymentObject, 400: paymentOrError, '4xx': errorResponse },
} as const;

export interface CreatePaymentBody {
  amount: number;
  currency: string;
  token: string;
  capture_method?: 'automatic' | 'manual';
  return_url?: string;
  external_id?: string;
  metadata?: Record<string, string>;
}

const amountBody = {
  type: 'object',
  additionalProperties: false,
  properties: { amount: { type: 'number' } },
} as const;

/** Capture, refund and void: one shape, told apart by their summary and body. */
function paymentChangeSchema<Body extends object>(
  operationId: string,
  summary: string,
  body: Body,
) {
  return {
    tags: ['payments'],
    operationId,
    summary,
    security: [{ bearer: [] }],
    headers: idempotencyHeader,
    params: idParams,
    body,
    response: { 200: paymentObject, '4xx': errorResponse },
  } as const;
}

export const capturePaymentSchema = paymentChangeSchema(
  'capturePayment',
  'Capture an authorized payment, fully or partly',
  amountBody,
);

export const refundPaymentSchema = paymentChangeSchema(
  'refundPayment',
  'Refund a completed payment, fully or partly',
  amountBody,
);

export const voidPaymentSchema = paymentChangeSchema(
  'voidPayment',
  'Cancel an authorized payment',
  {
    type: 'object',
    additionalProperties: false,
    properties: {},
  } as const,
);

export const getPaymentSchema = {
  tags: ['payments'],
  operationId: 'getPayment',
  summary: 'Retrieve a payment',
  security: [{ bearer: [] }],
  params: idParams,
  response: { 200: paymentObject, '4xx': errorResponse },
} as const;

export const listPaymentsSchema = {
  tags: ['payments'],
  operationId: 'listPayments',
  summary: 'List payments, newest first',
  security: [{ bearer: [] }],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      limit: { type: 'string', pattern: '^[0-9]{1,3}$', description: '1 to 100, default 10' },
      starting_after: { type: 'string', maxLength: 64, description: 'id of the last payment seen' },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        object: { type: 'string', enum: ['list'] },
        url: { type: 'string' },
        has_more: { type: 'boolean' },
        data: { type: 'array', items: paymentObject },
      },
    },
    '4xx': errorResponse,
  },
} as const;

export type AmountBody = { amount?: number } | undefined;
