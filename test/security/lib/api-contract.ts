// The error contract of gateway-api.md, written down again here (not imported from the
// gateway) so that the suite checks the document, not the implementation against itself.
import type { RawResponse } from './http-client.js';

const CODES: Record<string, { type: string; status: number }> = {
  unauthorized: { type: 'authentication_error', status: 401 },
  merchant_not_active: { type: 'authentication_error', status: 403 },
  validation_error: { type: 'invalid_request_error', status: 400 },
  invalid_json: { type: 'invalid_request_error', status: 400 },
  payload_too_large: { type: 'invalid_request_error', status: 413 },
  invalid_amount: { type: 'invalid_request_error', status: 400 },
  unsupported_currency: { type: 'invalid_request_error', status: 400 },
  token_not_found: { type: 'invalid_request_error', status: 404 },
  payment_token_expired: { type: 'invalid_request_error', status: 400 },
  payment_token_already_used: { type: 'invalid_request_error', status: 400 },
  card_declined: { type: 'payment_error', status: 400 },
  insufficient_funds: { type: 'payment_error', status: 400 },
  expired_card: { type: 'payment_error', status: 400 },
  incorrect_cvc: { type: 'payment_error', status: 400 },
  authentication_failed: { type: 'payment_error', status: 400 },
  not_supported: { type: 'invalid_request_error', status: 400 },
  invalid_status: { type: 'invalid_request_error', status: 400 },
  idempotency_key_mismatch: { type: 'invalid_request_error', status: 400 },
  idempotency_key_in_use: { type: 'invalid_request_error', status: 409 },
  rate_limited: { type: 'rate_limit_error', status: 429 },
  not_found: { type: 'invalid_request_error', status: 404 },
};

/** Signs of internals: stack frames, source paths, module folders. */
const INTERNALS: [RegExp, string][] = [
  [/\bat [\w$.<>[\] ]+ \(/, 'a stack frame'],
  [/\n\s+at /, 'a stack frame'],
  [/\/work\b|\/home\/|\/tmp\/|\/usr\/|[A-Z]:\\/, 'a filesystem path'],
  [/node_modules/, 'node_modules'],
  [/file:\/\//, 'a file URL'],
  [/\.(ts|js|mjs|cjs):\d+/, 'a source location'],
  [/SQLITE_|sqlite|better-sqlite3/i, 'a database detail'],
  [/FST_ERR|TypeError|ReferenceError|RangeError/, 'an internal error name'],
];

/** Internals in `text` that the request did not itself contain (ids are echoed in messages). */
export function internalsIn(text: string, requestText = ''): string | undefined {
  for (const [pattern, what] of INTERNALS) {
    const match = pattern.exec(text);
    if (match && !requestText.includes(match[0])) return `${what} (${JSON.stringify(match[0])})`;
  }
  return undefined;
}

function header(res: RawResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A failed payment: 400 with the payment object and its `error` member. */
export function isFailedPayment(res: RawResponse): boolean {
  const body = res.json as { object?: unknown; status?: unknown } | undefined;
  return res.status === 400 && body?.object === 'payment' && body.status === 'failed';
}

/**
 * The rules every answer keeps: never 5xx, a Request-Id header, no internals; an error
 * answer is JSON in the documented shape with request_id equal to Request-Id and the HTTP
 * status of its code. Returns what broke, or undefined.
 */
export function contractProblem(res: RawResponse, requestText = ''): string | undefined {
  if (res.status >= 500) return `HTTP ${res.status}: ${res.text.slice(0, 200)}`;
  const requestId = header(res, 'request-id');
  if (!requestId) return `HTTP ${res.status} without a Request-Id header`;
  const internal = internalsIn(res.text, requestText);
  if (internal) return `body shows ${internal}: ${res.text.slice(0, 300)}`;
  if (res.status < 400 || isFailedPayment(res)) return undefined;
  const contentType = header(res, 'content-type') ?? '';
  if (!contentType.startsWith('application/json'))
    return `error answered as ${contentType || 'no content type'}`;
  const error = (res.json as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error || typeof error !== 'object')
    return `error body is not { error: ... }: ${res.text.slice(0, 200)}`;
  const code = error.code;
  const expected = typeof code === 'string' ? CODES[code] : undefined;
  if (!expected) return `undocumented error code ${String(code)}`;
  if (error.type !== expected.type) return `code ${String(code)} with type ${String(error.type)}`;
  if (res.status !== expected.status)
    return `code ${String(code)} answered with HTTP ${res.status}`;
  if (typeof error.message !== 'string' || error.message.length === 0)
    return 'error without a message';
  if (typeof error.request_id !== 'string') return 'error without request_id';
  if (error.request_id !== requestId)
    return `request_id ${error.request_id} != Request-Id ${requestId}`;
  if (error.param !== undefined && typeof error.param !== 'string') return 'param is not a string';
  if (code === 'rate_limited' && !header(res, 'retry-after')) return '429 without Retry-After';
  return undefined;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Card numbers in `text`: Luhn-valid runs of 12-19 digits (spaces and dashes between digits
 * ignored) that stand alone, not inside an id such as `pay_2593825150...`.
 */
export function digitRuns(text: string): string[] {
  const joined = text.replace(/(\d)[ -](?=\d)/g, '$1');
  const runs = joined.match(/(?<![A-Za-z0-9_])\d{12,19}(?![A-Za-z0-9_])/g) ?? [];
  return [...new Set(runs.filter(luhnValid))];
}

/** A card-number-like digit run of the request that the answer repeats. */
export function echoedNumber(requestText: string, responseText: string): string | undefined {
  const answer = responseText.replace(/(\d)[ -](?=\d)/g, '$1');
  return digitRuns(requestText).find((run) => answer.includes(run));
}
