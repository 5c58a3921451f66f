import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { authenticate, requireAuth } from '../auth.js';
import { ApiError } from '../errors.js';
import { answerWithChange, idempotent, recordIdempotentAnswer } from '../idempotency.js';
import { newId } from '../ids.js';
import { currencyDecimals, fromMinor, toMinor } from '../money.js';
import { creationStatus, paymentView } from '../payment-view.js';
import { approval, CREATION_OUTCOMES, transitionOf } from '../payment-transitions.js';
import type { Transition } from '../payment-transitions.js';
import { pooledRandomHex } from '../random-pool.js';
import { authorize } from '../sandbox-network.js';
import { isCardNetwork } from '@pay/protocol/card-networks';
import type { PaymentRecord } from '../storage/storage.js';
import {
  capturePaymentSchema,
  createPaymentSchema,
  getPaymentSchema,
  listPaymentsSchema,
  refundPaymentSchema,
  voidPaymentSchema,
} from './payments.schema.js';
import type {
  AmountBody,
  CreatePaymentBody,
  ListPaymentsQuery,
  PaymentIdParams,
} from './payments.schema.js';

function checkReturnUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiError(
      'validation_error',
      'return_url must be an absolute http(s) URL',
      'return_url',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiError(
      'validation_error',
      'return_url must be an absolute http(s) URL',
      'return_url',
    );
  }
  return url.href;
}

// Messages never repeat what the caller sent (an id or token may be a pasted card number):
// the caller knows what it asked for, and `param` says which field was wrong.
function notFound(): ApiError {
  return new ApiError('not_found', 'No such payment', 'id');
}

const participles = { capture: 'captured', void: 'voided', refund: 'refunded' } as const;

type Move = Extract<Transition, { outcome: 'moves' }>;

/** The table's transition for this action, or its refusal thrown when the status forbids it. */
function allowedMove(p: PaymentRecord, action: keyof typeof participles): Move {
  const t = transitionOf(p.status, action);
  if (t.outcome === 'moves') return t;
  throw new ApiError(
    t.outcome === 'refused' ? t.code : 'invalid_status',
    `The payment cannot be ${participles[action]} because its status is ${p.status}`,
  );
}

/** POST/GET /v1/payments...: secret key only; state changes go through one transaction each. */
export const paymentRoutes: FastifyPluginAsync = async (app) => {
  const { storage, cipher, clock } = app;
  const { publicUrl, networkLatencyMs } = app.gatewaySettings;
  const secretOnly = authenticate(storage, 'secret-key', clock);
  const idempotency = idempotent(storage, clock);
  const gatewayUrl = (request: FastifyRequest) =>
    publicUrl ?? `${request.protocol}://${request.host}`;

  // Store each answer for its Idempotency-Key (this plugin's routes only).
  app.addHook('onSend', async (request, reply, payload) => {
    await recordIdempotentAnswer(storage, request, reply, payload);
  });

  app.post<{ Body: CreatePaymentBody }>('/v1/payments', {
    schema: createPaymentSchema,
    onRequest: secretOnly,
    preHandler: idempotency,
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      const body = request.body;
      const currency = body.currency.toLowerCase();
      const amount = toMinor(body.amount, currency);
      const returnUrl = body.return_url === undefined ? null : checkReturnUrl(body.return_url);
      if (auth.mode === 'live') {
        throw new ApiError(
          'not_supported',
          'Live payments need a processor connector, and this sandbox has none',
        );
      }

      const token = await storage.getToken(body.token);
      if (!token || token.merchantId !== auth.merchantId || token.mode !== auth.mode) {
        throw new ApiError('token_not_found', 'No such token', 'token');
      }
      if (token.usedAtMs !== null) {
        throw new ApiError('payment_token_already_used', 'This token was already used', 'token');
      }
      if (token.expiresAtMs <= clock.now().getTime()) {
        await storage.sweep(clock.now().getTime());
        throw new ApiError('payment_token_expired', 'This token has expired', 'token');
      }

      const { number } = JSON.parse(cipher.open(token.cardSealed, token.id)) as { number: string };
      const outcome = authorize(number);
      if (networkLatencyMs > 0) await sleep(networkLatencyMs);

      const nowMs = clock.now().getTime();
      const captureMethod = body.capture_method ?? 'automatic';
      const approved = approval(amount, captureMethod);
      const payment: PaymentRecord = {
        id: newId('pay'),
        merchantId: auth.merchantId,
        mode: auth.mode,
        tokenId: token.id,
        status:
          outcome.kind === 'approved'
            ? approved.status
            : outcome.kind === 'challenge'
              ? CREATION_OUTCOMES.challenge.to
              : CREATION_OUTCOMES.declined.to,
        amount,
        amountCaptured: outcome.kind === 'approved' ? approved.amountCaptured : 0,
        amountRefunded: 0,
        currency,
        captureMethod,
        card: {
          brand: token.brand,
          last4: token.last4,
          expMonth: token.expMonth,
          expYear: token.expYear,
          // The shopper's (or merchant's) choice; nobody chose: the card's brand.
          network: token.networkPreferred ?? (isCardNetwork(token.brand) ? token.brand : null),
        },
        externalId: body.external_id ?? null,
        metadata: body.metadata ?? {},
        returnUrl,
        challengeSecret: outcome.kind === 'challenge' ? pooledRandomHex(16) : null,
        errorCode: outcome.kind === 'declined' ? outcome.code : null,
        createdAtMs: nowMs,
        updatedAtMs: nowMs,
      };
      const view = (p: PaymentRecord) => paymentView(p, gatewayUrl(request), request.id);
      reply.code(creationStatus(payment));
      const result = await storage.createPaymentWithToken(
        payment,
        nowMs,
        answerWithChange(request, reply, view),
      );
      if (result === 'already_used') {
        throw new ApiError('payment_token_already_used', 'This token was already used', 'token');
      }
      if (result === 'expired') {
        throw new ApiError('payment_token_expired', 'This token has expired', 'token');
      }
      return reply.send(view(payment));
    },
  });

  app.get<{ Querystring: ListPaymentsQuery }>('/v1/payments', {
    schema: listPaymentsSchema,
    onRequest: secretOnly,
    handler: async (request) => {
      const { merchantId } = requireAuth(request);
      const limit = request.query.limit === undefined ? 10 : Number(request.query.limit);
      if (limit < 1 || limit > 100) {
        throw new ApiError('validation_error', 'limit must be between 1 and 100', 'limit');
      }
      const page = await storage.listPayments(merchantId, limit, request.query.starting_after);
      if (!page) {
        throw new ApiError(
          'validation_error',
          'starting_after does not name a payment of yours',
          'starting_after',
        );
      }
      const url = gatewayUrl(request);
      return {
        object: 'list',
        url: '/v1/payments',
        has_more: page.hasMore,
        data: page.payments.map((p) => paymentView(p, url)),
      };
    },
  });

  app.get<{ Params: PaymentIdParams }>('/v1/payments/:id', {
    schema: getPaymentSchema,
    onRequest: secretOnly,
    handler: async (request) => {
      const { merchantId } = requireAuth(request);
      const payment = await storage.getPayment(merchantId, request.params.id);
      if (!payment) throw notFound();
      return paymentView(payment, gatewayUrl(request));
    },
  });

  /** The three state changes share one shape: read, check, write, in one transaction. */
  function change(
    action: keyof typeof participles,
    schema: typeof capturePaymentSchema | typeof voidPaymentSchema | typeof refundPaymentSchema,
    apply: (p: PaymentRecord, move: Move, amount: number | undefined) => PaymentRecord,
  ): void {
    app.post<{ Params: PaymentIdParams; Body: AmountBody }>(`/v1/payments/:id/${action}`, {
      schema,
      onRequest: secretOnly,
      // These take an optional body: none at all means "{}".
      preValidation: async (request) => {
        if (request.body === undefined) request.body = {};
      },
      preHandler: idempotency,
      handler: async (request, reply) => {
        const { merchantId } = requireAuth(request);
        const requested = request.body?.amount;
        const view = (p: PaymentRecord) => paymentView(p, gatewayUrl(request));
        const updated = await storage.updatePayment(
          merchantId,
          request.params.id,
          (p) => {
            const amount = requested === undefined ? undefined : toMinor(requested, p.currency);
            // The table decides whether the payment's status allows it, and the answer's status.
            const move = allowedMove(p, action);
            reply.code(move.http);
            return {
              ...apply(p, move, amount),
              updatedAtMs: clock.now().getTime(),
            };
          },
          answerWithChange(request, reply, view),
        );
        if (!updated) throw notFound();
        return reply.send(view(updated));
      },
    });
  }

  change('capture', capturePaymentSchema, (p, move, amount) => {
    const captured = amount ?? p.amount;
    if (captured > p.amount) {
      throw new ApiError(
        'invalid_amount',
        `amount must not exceed the authorized ${fromMinor(p.amount, p.currency)}`,
        'amount',
      );
    }
    return { ...p, status: move.to, amountCaptured: captured };
  });

  change('void', voidPaymentSchema, (p, move) => ({ ...p, status: move.to }));

  change('refund', refundPaymentSchema, (p, move, amount) => {
    const left = p.amountCaptured - p.amountRefunded;
    const refund = amount ?? left;
    if (refund > left) {
      throw new ApiError(
        'invalid_amount',
        `amount must not exceed the ${fromMinor(left, p.currency).toFixed(currencyDecimals(p.currency))} left to refund`,
        'amount',
      );
    }
    const refunded = p.amountRefunded + refund;
    return {
      ...p,
      status: refunded === p.amountCaptured ? move.to : (move.partly ?? move.to),
      amountRefunded: refunded,
    };
  });
};
