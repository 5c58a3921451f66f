import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Clock } from './clock.js';
import { ApiError } from './errors.js';
import { requireAuth } from './auth.js';
import type { IdempotentAnswer, PaymentRecord, Storage } from './storage/storage.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Set while this request owns an Idempotency-Key, so its answer gets stored; `stored`
     * once the answer went into the transaction of the change it describes.
     */
    idempotency: { merchantId: string; key: string; stored: boolean } | null;
  }
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` count as the same request body. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `Idempotency-Key` on POSTs that create or change payments: the first request runs, a
 * retry with the same body gets the first answer again, a different body is refused, and a
 * retry while the first is still running gets 409.
 */
export function idempotent(storage: Storage, clock: Clock): preHandlerAsyncHookHandler {
  return async function (this: unknown, request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || header.length === 0 || header.length > 255) {
      throw new ApiError(
        'validation_error',
        'Idempotency-Key must be 1 to 255 characters',
        'Idempotency-Key',
      );
    }
    const { merchantId } = requireAuth(request);
    const path = request.url.split('?')[0] ?? '';
    const hash = createHash('sha256')
      .update(`${request.method} ${path}\n${canonicalJson(request.body)}`)
      .digest('hex');
    const state = await storage.beginIdempotentRequest(
      merchantId,
      header,
      hash,
      clock.now().getTime(),
    );
    switch (state.state) {
      case 'started':
        request.idempotency = { merchantId, key: header, stored: false };
        return;
      case 'in_progress':
        throw new ApiError(
          'idempotency_key_in_use',
          'A request with this Idempotency-Key is still being processed',
          'Idempotency-Key',
        );
      case 'mismatch':
        throw new ApiError(
          'idempotency_key_mismatch',
          'This Idempotency-Key was used with a different request',
          'Idempotency-Key',
        );
      case 'done':
        return reply
          .code(state.statusCode)
          .type('application/json; charset=utf-8')
          .header('Idempotent-Replayed', 'true')
          .send(state.body);
    }
  };
}

/**
 * For a route that changes a payment: the answer for its Idempotency-Key, to be stored in the
 * change's own transaction (a crash leaves both or neither). `undefined` without a key. Set
 * the reply's status code first: the body is what the route's serializer makes of
 * `view(payment)` for that status, the same bytes the route then sends.
 */
export function answerWithChange(
  request: FastifyRequest,
  reply: FastifyReply,
  view: (payment: PaymentRecord) => unknown,
): IdempotentAnswer<PaymentRecord> | undefined {
  const owner = request.idempotency;
  if (!owner) return undefined;
  return {
    merchantId: owner.merchantId,
    key: owner.key,
    render(payment) {
      const body = reply.serialize(view(payment));
      if (typeof body !== 'string') throw new Error('A JSON route serialized to bytes');
      // If the commit fails after this, the answer is a 500 and onSend releases the claim.
      owner.stored = true;
      return { statusCode: reply.statusCode, body };
    },
  };
}

/**
 * onSend: store the answer of a request that changed nothing (answers of changes are stored
 * with them); failures worth retrying release the key instead.
 */
export async function recordIdempotentAnswer(
  storage: Storage,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<void> {
  const owner = request.idempotency;
  if (!owner) return;
  request.idempotency = null;
  const status = reply.statusCode;
  if (status >= 500 || status === 429 || typeof payload !== 'string') {
    // Only an unanswered claim is deleted: a committed change keeps its answer.
    await storage.abandonIdempotentRequest(owner.merchantId, owner.key);
  } else if (!owner.stored) {
    await storage.finishIdempotentRequest(owner.merchantId, owner.key, status, payload);
  }
}
