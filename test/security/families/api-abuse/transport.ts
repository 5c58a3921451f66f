// Raw transport abuse: requests no HTTP client library would send, over a bare socket.
import net from 'node:net';
import { describe } from 'node:test';
import { contractProblem } from '../../lib/api-contract.js';
import { attack } from '../../lib/results.js';
import type { Shared } from '../../lib/shared.js';
import type { FuzzTarget } from './fuzz.js';

/** Requests no HTTP client library would send: the raw socket. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.end(bytes);
  });
}

const TRANSPORT_CASES: [string, (key: string) => string][] = [
  [
    'header over 16 KB',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nX-Pad: ${'a'.repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
  ],
  ['malformed request line', () => 'GARBAGE / / HTTP/9.9\r\n\r\n'],
  [
    'two Content-Length headers',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}`,
  ],
  [
    'Content-Length and chunked',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  ],
  [
    'bad chunk size',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
  ],
  [
    'body shorter than Content-Length',
    (key) =>
      `POST /v1/tokens HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 50\r\nConnection: close\r\n\r\n{"card":`,
  ],
  [
    'control byte in a header',
    (key) => `GET /v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\x01\r\n\r\n`,
  ],
];

/** Each raw answer: never 5xx, never internals; an HTTP error with a JSON body of the documented shape. */
function transportProblem(raw: string): string | undefined {
  if (raw === '') return undefined; // the connection was closed: nothing leaked
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw)?.[1] ?? 0);
  if (!status) return `not an HTTP answer: ${JSON.stringify(raw.slice(0, 80))}`;
  if (status >= 500) return `HTTP ${status}`;
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const headers = Object.fromEntries(
    head
      .split('\r\n')
      .slice(1)
      .map((line) => [
        line.slice(0, line.indexOf(':')).toLowerCase(),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
  );
  const text = /chunked/i.test(headers['transfer-encoding'] ?? '')
    ? body.replace(/^[0-9a-f]+\r\n|\r\n[0-9a-f]+\r\n/gi, '')
    : body;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return contractProblem({ status, headers, text, json });
}

/** Each case on the fuzz gateway, one attempt each. */
export function transport(target: Shared<FuzzTarget>): void {
  describe('transport', () => {
    for (const [label, build] of TRANSPORT_CASES) {
      attack(label, async (result) => {
        const { gw } = await target.get();
        result.record(
          `transport: ${label}`,
          transportProblem(await rawExchange(gw.port, build(gw.publishableKey))),
        );
      });
    }
  });
}
