import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ThreeDSOutcome } from '@pay/protocol';
import { ApiError } from '../errors.js';
import { fromMinor } from '../money.js';
import { approval, transitionOf } from '../payment-transitions.js';
import { errorResponse } from './error.schema.js';
import type { PaymentRecord } from '../storage/storage.js';
import { challengeScript, challengeStyles } from '../three-d-secure/challenge-assets.js';
import { renderChallengePage, renderResultPage } from '../three-d-secure/challenge-page.js';

/** A response that is an HTML page, for the OpenAPI document (Fastify sends the string as is). */
function htmlPage(description: string) {
  return { description, content: { 'text/html': { schema: { type: 'string' } } } } as const;
}

interface ChallengeParams {
  id: string;
  secret: string;
}

const paramsSchema = {
  type: 'object',
  required: ['id', 'secret'],
  properties: { id: { type: 'string', maxLength: 64 }, secret: { type: 'string', maxLength: 64 } },
} as const;

/** parent_origin must be exactly an origin: it becomes a postMessage target. */
function checkParentOrigin(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value) {
    throw new ApiError(
      'validation_error',
      'parent_origin must be an origin such as https://shop.example',
      'parent_origin',
    );
  }
  return value;
}

function sameSecret(given: string, expected: string | null): boolean {
  if (!expected || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** The payment's own status once decided (the words of the payment object); undefined before. */
function outcomeOf(p: PaymentRecord): ThreeDSOutcome | undefined {
  return p.status === 'requires_action' ? undefined : p.status;
}

function pageHeaders(reply: FastifyReply, returnUrl: string | null): FastifyReply {
  // Framed by the SDK on any merchant page: no frame-ancestors. Forms may only post here,
  // and the unframed flow's redirect may only go to the payment's return_url.
  const formAction = ["'self'", ...(returnUrl ? [new URL(returnUrl).origin] : [])].join(' ');
  return reply
    .type('text/html; charset=utf-8')
    .header(
      'Content-Security-Policy',
      `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action ${formAction}`,
    );
}

/**
 * The sandbox bank's 3-D Secure challenge for `requires_action` payments. Known only by the
 * payment id and the random secret in its redirect_url. It shows no card data.
 */
export const threeDSecureRoutes: FastifyPluginAsync = async (app) => {
  const { storage, clock } = app;

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  async function findChallenge(params: ChallengeParams): Promise<PaymentRecord> {
    const payment = await storage.getPaymentById(params.id);
    if (!payment || !sameSecret(params.secret, payment.challengeSecret)) {
      throw new ApiError('not_found', 'No such 3-D Secure challenge');
    }
    return payment;
  }

  app.get('/3ds/assets/challenge.js', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'")
      .send(await challengeScript()),
  );

  app.get('/3ds/assets/challenge.css', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'")
      .send(challengeStyles),
  );

  app.get<{ Params: ChallengeParams; Querystring: { parent_origin?: string } }>(
    '/3ds/:id/:secret',
    {
      schema: {
        tags: ['3-D Secure'],
        operationId: 'showChallenge',
        summary: 'The challenge page a requires_action payment redirects to',
        // No key: the secret in the path (from redirect_url) is what authorizes it.
        security: [],
        params: paramsSchema,
        // The page itself is HTML; an unknown challenge or a bad parent_origin, the error body.
        response: { 200: htmlPage('The challenge page'), '4xx': errorResponse },
        querystring: {
          type: 'object',
          properties: { parent_origin: { type: 'string', maxLength: 2048 } },
        },
      },
    },
    async (request, reply) => {
      const parentOrigin = checkParentOrigin(request.query.parent_origin);
      const payment = await findChallenge(request.params);
      const outcome = outcomeOf(payment);
      if (outcome) return answer(reply, payment, outcome, parentOrigin);
      const merchantName = (await storage.getMerchantName(payment.merchantId)) ?? 'Merchant';
      const amount = `${fromMinor(payment.amount, payment.currency).toLocaleString('en-US', {
        style: 'currency',
        currency: payment.currency.toUpperCase(),
      })}`;
      return pageHeaders(reply, payment.returnUrl).send(
        renderChallengePage({
          action: `/3ds/${payment.id}/${request.params.secret}`,
          merchantName,
          amount,
          cardLabel: `${payment.card.brand} •••• ${payment.card.last4}`,
          parentOrigin,
        }),
      );
    },
  );

  app.post<{
    Params: ChallengeParams;
    Body: { decision: 'complete' | 'fail'; parent_origin?: string };
  }>(
    '/3ds/:id/:secret',
    {
      schema: {
        tags: ['3-D Secure'],
        operationId: 'decideChallenge',
        summary: 'Complete or fail the challenge (form post from the challenge page)',
        security: [],
        params: paramsSchema,
        response: {
          200: htmlPage('The outcome page, framed (posts the result to the SDK)'),
          303: { description: 'Unframed: back to the payment’s return_url', type: 'null' },
          '4xx': errorResponse,
        },
        body: {
          type: 'object',
          required: ['decision'],
          properties: {
            decision: { type: 'string', enum: ['complete', 'fail'] },
            parent_origin: { type: 'string', maxLength: 2048 },
          },
        },
      },
    },
    async (request, reply) => {
      const parentOrigin = checkParentOrigin(request.body.parent_origin);
      await findChallenge(request.params);
      const now = clock.now().getTime();
      const payment = await storage.updatePayment(undefined, request.params.id, (p) => {
        const fail = request.body.decision === 'fail';
        const t = transitionOf(p.status, fail ? 'fail_challenge' : 'complete_challenge');
        // A second decision (double submit, back button) changes nothing.
        if (t.outcome === 'approves') {
          return { ...p, ...approval(p.amount, p.captureMethod), updatedAtMs: now };
        }
        if (t.outcome !== 'moves') return p;
        return {
          ...p,
          status: t.to,
          ...(fail ? { errorCode: 'authentication_failed' } : {}),
          updatedAtMs: now,
        };
      });
      if (!payment) throw new ApiError('not_found', 'No such 3-D Secure challenge');
      return answer(reply, payment, outcomeOf(payment) ?? 'failed', parentOrigin);
    },
  );

  function answer(
    reply: FastifyReply,
    payment: PaymentRecord,
    status: ThreeDSOutcome,
    parentOrigin: string | undefined,
  ): FastifyReply {
    let returnLink: string | undefined;
    if (payment.returnUrl) {
      const url = new URL(payment.returnUrl);
      url.searchParams.set('payment_id', payment.id);
      url.searchParams.set('status', status);
      returnLink = url.href;
    }
    // Unframed: back to the shop. Framed (the SDK gave parent_origin): a page that posts
    // the outcome to the SDK, which closes the frame.
    if (!parentOrigin && returnLink) return reply.redirect(returnLink, 303);
    return pageHeaders(reply, payment.returnUrl).send(
      renderResultPage({ paymentId: payment.id, status, parentOrigin, returnLink }),
    );
  }
};
