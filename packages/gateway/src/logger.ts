import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

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

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: redactPaths, censor: '[redacted]' },
      serializers: {
        // Log the path only: query strings and the 3-D Secure secret stay out of the logs.
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: req.url.split('?')[0]?.replace(/^(\/3ds\/[^/]+)\/[^/]+/, '$1/[redacted]'),
          remoteAddress: req.ip,
        }),
      },
    },
    options.stream ?? pino.destination({ sync: false }),
  );
}
