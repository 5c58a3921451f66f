import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './errors.js';
import type { ErrorDetail } from './errors.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/card/number` → `card.number`; the parameter a validation failure names. */
function paramOf(issue: AjvIssue): string {
  const path = issue.instancePath.split('/').filter(Boolean);
  if (issue.keyword === 'required') path.push(String(issue.params.missingProperty));
  if (issue.keyword === 'additionalProperties') path.push(String(issue.params.additionalProperty));
  return path.join('.');
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
  const e = error as Partial<FastifyError>;
  if (e.validation) return fromValidation(e as FastifyError);
  switch (e.code) {
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

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: apiError.code, param: apiError.param }, 'request refused');
    }
    void reply.code(apiError.statusCode).type('application/json; charset=utf-8');
    return reply.send(apiError.body(request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    const apiError = new ApiError('not_found', 'Not found');
    void reply.code(404).type('application/json; charset=utf-8');
    return reply.send(apiError.body(request.id));
  });
}
