import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';
import { maskCardNumbers } from './card-number-mask.js';

/**
 * Paths that could ever carry card data or credentials. Request bodies are never logged at
 * all; these are a second line of defence for anything that might be logged by mistake.
 */
const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'body',
  'req.body',
  'card',
  '*.card',
  'number',
  '*.number',
  'cvc',
  '*.cvc',
  'key',
  '*.key',
  'secretKey',
  'publishableKey',
];

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default stdout); tests pass a stream to inspect what was logged. */
  stream?: DestinationStream;
}

/**
 * The logged path: no query string, no 3-D Secure secret, and no card number a caller pasted
 * where an id goes (`/v1/payments/4242424242424242/void`).
 */
export function loggedUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return maskCardNumbers(path.replace(/^(\/3ds\/[^/]+)\/[^/]+/, '$1/[redacted]'));
}

/** Errors keep their shape; their text may quote a request value, so it is masked too. */
function errSerializer(error: Error): ReturnType<typeof pino.stdSerializers.err> {
  const serialized = pino.stdSerializers.err(error);
  if (typeof serialized.message === 'string') {
    serialized.message = maskCardNumbers(serialized.message);
  }
  if (typeof serialized.stack === 'string') serialized.stack = maskCardNumbers(serialized.stack);
  return serialized;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: loggedUrl(req.url),
          remoteAddress: req.ip,
        }),
        err: errSerializer,
      },
      hooks: {
        // Message strings and their format arguments (Fastify logs "Route %s:%s not found").
        logMethod(args, method) {
          const masked = args.map((arg: unknown) =>
            typeof arg === 'string' ? maskCardNumbers(arg) : arg,
          ) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    options.stream ?? pino.destination({ sync: false }),
  );
}
