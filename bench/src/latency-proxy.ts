// A delaying HTTP proxy: each request waits `delayMs` before it is forwarded, so every request a
// page makes through it costs one more round trip, as on a real network (loopback otherwise).
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLocalhost } from './listen';

export interface LatencyProxy {
  /** http://localhost:<port>: the same site as the target, on a port of its own. */
  origin: string;
  close(): Promise<void>;
}

// Hop-by-hop headers: each side of the proxy has its own connection.
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade'];

/** Forwards to `target` (an http origin on this machine), each request `delayMs` late. */
export async function startLatencyProxy(target: string, delayMs: number): Promise<LatencyProxy> {
  const port = Number(new URL(target).port);
  const agent = new Agent({ keepAlive: true });
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const headers = { ...req.headers };
    for (const h of HOP_BY_HOP) delete headers[h];
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers, agent },
      (answer) => {
        const out = { ...answer.headers };
        for (const h of HOP_BY_HOP) delete out[h];
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const servers = [0, 1].map(() =>
    createServer((req, res) => setTimeout(() => forward(req, res), delayMs)),
  );
  const { port: own, live } = await listenLocalhost(servers[0]!, servers[1]!);
  return {
    origin: `http://localhost:${own}`,
    close: async () => {
      agent.destroy();
      await Promise.all(live.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
