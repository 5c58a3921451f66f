import Type, { type Static } from 'typebox';
import { CARD_NETWORKS } from '@pay/protocol/card-networks';
import { CAPTURE_METHODS, PAYMENT_STATUSES, type Payment } from '@pay/protocol/payment-status';
import { errorResponse } from './error.schema.js';

const nullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });

export const paymentObject = Type.Object({
  id: Type.String(),
  object: Type.Enum(['payment'], { type: 'string' }),
  status: Type.Enum(PAYMENT_STATUSES, { type: 'string' }),
  amount: Type.Optional(Type.Number()),
  currency: Type.Optional(Type.String()),
  capture_method: Type.Optional(Type.Enum(CAPTURE_METHODS, { type: 'string' })),
  amount_captured: Type.Optional(Type.Number()),
  amount_refunded: Type.Optional(Type.Number()),
  card: Type.Optional(
    Type.Object({
      brand: Type.Optional(Type.String()),
      last4: Type.Optional(
        Type.String({
          pattern: '^[0-9]{4}$',
          description: 'The last 4 digits: the only digits of the number a payment shows.',
        }),
      ),
      exp_month: Type.Optional(Type.Integer()),
      exp_year: Type.Optional(Type.Integer()),
      network: Type.Optional(
        Type.Union([Type.Enum(CARD_NETWORKS, { type: 'string' }), Type.Null()], {
          description:
            "The network the payment went through: the token's `card.networks.preferred`, " +
            "else the card's brand; null for a card of no known network.",
        }),
      ),
    }),
  ),
  external_id: Type.Optional(nullableString),
  metadata: Type.Optional(
    Type.Unsafe<Record<string, string>>({
      type: 'object',
      additionalProperties: { type: 'string' },
    }),
  ),
  return_url: Type.Optional(nullableString),
  redirect_url: Type.Optional(nullableString),
  created_at: Type.Optional(Type.String({ format: 'date-time' })),
  updated_at: Type.Optional(Type.String({ format: 'date-time' })),
  error: Type.Optional(
    Type.Object(
      {
        type: Type.Optional(Type.String()),
        code: Type.Optional(Type.String()),
        message: Type.Optional(Type.String()),
        request_id: Type.Optional(Type.String()),
      },
      { description: 'Present on failed payments.' },
    ),
  ),
});

/** The payment object of gateway-api.md, as answered. */
export type PaymentObject = Static<typeof paymentObject>;

type SameKeys<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? true
    : false
  : false;
/**
 * The protocol's `Payment` (what paymentView builds, what @pay/host exports to merchants) is
 * this schema, field for field: a type error here if one of them changes without the other.
 */
export const paymentMatchesSchema: Payment extends PaymentObject
  ? SameKeys<Payment, PaymentObject>
  : false = true;

/** A failed payment answers 400 with the payment object; other 4xx with the error body. */
const paymentOrError = Type.Union([paymentObject, errorResponse]);

const idParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

const idempotencyHeader = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ description: 'Retries with the same key never charge twice.' }),
  ),
});

export const createPaymentSchema = {
  tags: ['payments'],
  operationId: 'createPayment',
  summary: 'Pay with a token (secret key)',
  security: [{ bearer: [] }],
  headers: idempotencyHeader,
  body: Type.Object(
    {
      amount: Type.Number(),
      currency: Type.String({ pattern: '^[A-Za-z]{3}$' }),
      token: Type.String({ minLength: 1, maxLength: 64 }),
      capture_method: Type.Optional(Type.Enum(CAPTURE_METHODS, { type: 'string' })),
      return_url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
      external_id: Type.Optional(Type.String({ maxLength: 255 })),
      metadata: Type.Optional(
        Type.Unsafe<Record<string, string>>({
          type: 'object',
          maxProperties: 20,
          propertyNames: { maxLength: 40 },
          additionalProperties: { type: 'string', maxLength: 500 },
        }),
      ),
    },
    { additionalProperties: false },
  ),
  response: { 201: paymentObject, 202: paymentObject, 400: paymentOrError, '4xx': errorResponse },
} as const;

export type CreatePaymentBody = Static<typeof createPaymentSchema.body>;

const amountBody = Type.Object(
  { amount: Type.Optional(Type.Number()) },
  { additionalProperties: false },
);

/** Capture, refund and void: one shape, told apart by their summary and body. */
function paymentChangeSchema<Body extends typeof amountBody | typeof emptyBody>(
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

const emptyBody = Type.Object({}, { additionalProperties: false });

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
  emptyBody,
);

export const getPaymentSchema = {
  tags: ['payments'],
  operationId: 'getPayment',
  summary: 'Retrieve a payment',
  security: [{ bearer: [] }],
  params: idParams,
  response: { 200: paymentObject, '4xx': errorResponse },
} as const;

const listQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,3}$', description: '1 to 100, default 10' }),
    ),
    starting_after: Type.Optional(
      Type.String({ maxLength: 64, description: 'id of the last payment seen' }),
    ),
  },
  { additionalProperties: false },
);

export const listPaymentsSchema = {
  tags: ['payments'],
  operationId: 'listPayments',
  summary: 'List payments, newest first',
  security: [{ bearer: [] }],
  querystring: listQuery,
  response: {
    200: Type.Object({
      object: Type.Optional(Type.Enum(['list'], { type: 'string' })),
      url: Type.Optional(Type.String()),
      has_more: Type.Optional(Type.Boolean()),
      data: Type.Optional(Type.Array(paymentObject)),
    }),
    '4xx': errorResponse,
  },
} as const;

export type PaymentIdParams = Static<typeof idParams>;
export type ListPaymentsQuery = Static<typeof listQuery>;
/** Capture, refund and void bodies; none at all is taken as `{}`. */
export type AmountBody = Static<typeof amountBody> | undefined;
