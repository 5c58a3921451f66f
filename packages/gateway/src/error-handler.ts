import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { holdsCardNumber } from './card-number-mask.js';
import { ApiError } from './errors.js';
import type { ErrorDetail } from './errors.js';
import { StorageUnavailableError } from './storage/storage-unavailable.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * A path segment as the error may name it. Unknown field names and metadata keys are the
 * caller's own text, where a card number could have been pasted: only plain names are
 * repeated, anything else is `*`.
 */
function safeSegment(segment: string): string {
  const plain = /^[A-Za-z0-9_-]{1,40}$/.test(segment) && !holdsCardNumber(segment);
  return plain ? segment : '*';
}

/** `/card/number` → `card.number`; the parameter a validation failure names. */
function paramOf(issue: AjvIssue): string {
  // JSON Pointer escapes (~1 for "/", ~0 for "~") in keys the caller chose.
  const path = issue.instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (issue.keyword === 'required') path.push(String(issue.params.missingProperty));
  if (issue.keyword === 'additionalProperties') path.push(String(issue.params.additionalProperty));
  return path.map(safeSegment).join('.');
}

function describe(issue: AjvIssue, param: string): string {
  if (issue.keyword === 'required') return `${param} is required`;
  if (issue.keyword === 'additionalProperties') return `${param} is not a known parameter`;
  // Ajv's messages describe the rule ("must be string"), never the value that broke it.
  return `${param} ${issue.message ?? 'is invalid'}`;
}

function fromValidation(error: FastifyError): ApiError {
  const issues = (error.validation ?? []) as AjvIssue[];
  const first = issues[0];
  if (
    error.validationContext === 'body' &&
    first?.instancePath === '' &&
    first.keyword === 'type'
  ) {
    return new ApiError('invalid_json', 'The request body must be a JSON object');
  }
  const details: ErrorDetail[] = issues.map((issue) => {
    const param = paramOf(issue) || String(error.validationContext ?? 'request');
    return { param, message: describe(issue, param) };
  });
  const head = details[0] ?? { param: 'request', message: 'The request is invalid' };
  return new ApiError(
    'validation_error',
    head.message,
    head.param,
    details.length > 1 ? details : undefined,
  );
}

/** Maps whatever was thrown to the documented error; unknown failures become a bare 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StorageUnavailableError) {
    return new ApiError('api_error', 'The service is temporarily unavailable; retry shortly');
  }
  const e = error as Partial<FastifyError>;
  if (e.validation) return fromValidation(e as FastifyError);
  switch (e.code) {
    // Fastify's own messages for these quote the path: never pass them on.
    case 'FST_ERR_BAD_URL':
      return new ApiError('validation_error', 'The URL path is not valid (malformed % escape)');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiError('validation_error', 'A path parameter is too long');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('payload_too_large', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(
        'invalid_json',
        'The request body must be JSON (Content-Type: application/json)',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('invalid_json', 'The request body is empty; a JSON object is required');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('invalid_json', 'The request body does not match its Content-Length');
  }
  // JSON.parse's message quotes the body (which may hold a card number): never pass it on.
  if (error instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new ApiError('invalid_json', 'The request body is not valid JSON');
  }
  if (e.statusCode === 404) return new ApiError('not_found', 'Not found');
  if (e.statusCode === 413)
    return new ApiError('payload_too_large', 'The request body is too large');
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    return new ApiError('validation_error', 'The request is invalid');
  }
  return new ApiError('api_error', 'An internal error occurred');
}

/** The documented error body for whatever was thrown; logs 5xx with their cause. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const apiError = toApiError(error);
  // The database is away: nothing was written, the same request may be retried.
  const unavailable = error instanceof StorageUnavailableError;
  if (unavailable) {
    request.log.warn({ err: error }, 'database unavailable');
    void reply.header('Retry-After', '1');
  } else if (apiError.statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else {
    request.log.info({ code: apiError.code, param: apiError.param }, 'request refused');
  }
  void reply.code(unavailable ? 503 : apiError.statusCode).type('application/json; charset=utf-8');
  return reply.send(apiError.body(request.id));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);

  app.setNotFoundHandler((request, reply) => {
    const apiError = new ApiError('not_found', 'Not found');
    void reply.code(404).type('application/json; charset=utf-8');
    return reply.send(apiError.body(request.id));
  });
}
