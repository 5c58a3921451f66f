import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from './errors.js';
import { newId } from './ids.js';
import { apiCsp } from './security-headers.js';

/** What Node's HTTP parser refused, as a documented error. Never built from the request. */
function errorFor(code: string | undefined): ApiError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new ApiError('payload_too_large', 'The request headers are too large');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_REQUEST_HEADERS_TIMEOUT':
      return new ApiError('validation_error', 'The request did not arrive in time');
    default:
      return new ApiError('validation_error', 'The request is not valid HTTP/1.1');
  }
}

/**
 * Fastify's `clientErrorHandler`: requests Node cannot parse (oversized headers, conflicting
 * Content-Length, a bad chunk, a control byte) never reach a route or the error handler, so
 * the documented body and a Request-Id are written on the socket here, and the socket closed.
 */
export function clientErrorHandler(log: FastifyBaseLogger) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const requestId = newId('req');
    const apiError = errorFor(error.code);
    // The code only: the error's rawPacket and message may hold the request's bytes.
    log.info({ reqId: requestId, code: error.code }, 'unparseable request refused');
    // A response already under way on this socket cannot be followed by another.
    const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })
      ._httpMessage?.headersSent;
    if (!socket.writable || busy) {
      socket.destroy();
      return;
    }
    // A client that never reads the answer must not keep the socket open.
    socket.setTimeout(5_000, () => socket.destroy());
    const body = JSON.stringify(apiError.body(requestId));
    const status = apiError.statusCode;
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `Request-Id: ${requestId}`,
        'X-Content-Type-Options: nosniff',
        `Content-Security-Policy: ${apiCsp}`,
        'X-Frame-Options: DENY',
        'Cache-Control: no-store',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
      () => socket.destroy(),
    );
  };
}
