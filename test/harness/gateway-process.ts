// The real sandbox gateway (packages/gateway/src/main.ts) as a child process, configured from
// the environment as in production, listening on a port the system picks: every suite starts
// its gateways here and reads the address back, none uses a fixed port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer, type ChildServer } from './child-server.js';

export { ROOT } from './child-server.js';

export interface GatewayOptions {
  /** DATA_DIR; without it a fresh temp dir, removed again by stop() and kill(). */
  dataDir?: string;
  /** 0 (the default): the system picks. A restart may ask again for the port its first start got. */
  port?: number;
  /**
   * HOST, `localhost` by default: the frames' origin, kept apart from the merchant pages,
   * which the suites serve on 127.0.0.1.
   */
  host?: string;
  /** More environment (keys, limits, LOG_LEVEL...); it wins over the settings above. */
  env?: Record<string, string>;
  /** Node options, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** A module to `--import` before main.ts (a test's fault injection). */
  preload?: string;
  /** Another build of main.ts to run (the bench compares builds); by default this repo's. */
  script?: string;
  /** Send the output to this file instead of a pipe (a busy test process would slow it down). */
  logFile?: string;
  onLine?: (line: string) => void;
}

export interface GatewayProcess extends ChildServer {
  dataDir: string;
}

/** Starts main.ts and resolves once it prints "listening on <url>". */
export async function startGateway(options: GatewayOptions = {}): Promise<GatewayProcess> {
  const given = options.dataDir ?? options.env?.DATA_DIR;
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'pay-gateway-'));
  const removeOwnDir = () => {
    if (!given) rmSync(dataDir, { recursive: true, force: true });
  };
  const server = await startChildServer({
    name: 'gateway',
    script: options.script ?? 'packages/gateway/src/main.ts',
    nodeArgs: [
      ...(options.nodeArgs ?? []),
      ...(options.preload ? ['--import', options.preload] : []),
    ],
    env: {
      PORT: String(options.port ?? 0),
      HOST: options.host ?? 'localhost',
      DATA_DIR: dataDir,
      ...options.env,
    },
    ready: /listening on (http:\/\/\S+)/,
    logFile: options.logFile,
    onLine: options.onLine,
  }).catch((error: unknown) => {
    removeOwnDir();
    throw error;
  });
  return {
    ...server,
    dataDir,
    stop: () => server.stop().then(removeOwnDir),
    kill: () => server.kill().then(removeOwnDir),
  };
}

/** A gateway's answer as the API tests read it: status, raw text, parsed body, replay flag. */
export interface GatewayAnswer {
  status: number;
  text: string;
  json: Record<string, unknown> & { id?: string; status?: string; error?: { code?: string } };
  replayed: boolean;
}

/** One API request to a started gateway with `key`, a JSON body and an Idempotency-Key. */
export async function callGateway(
  gw: { url: string },
  method: string,
  path: string,
  { key, body, idempotencyKey }: { key: string; body?: unknown; idempotencyKey?: string },
): Promise<GatewayAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const response = await fetch(`${gw.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as GatewayAnswer['json'],
    replayed: response.headers.get('idempotent-replayed') === 'true',
  };
}
