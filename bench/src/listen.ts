// Listening on "localhost" the way Fastify does: 127.0.0.1 and, when the machine has it, ::1 on
// the same port, so that no side pays for a refused ::1 connection before 127.0.0.1.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on host:port (0: the system picks); the port, or undefined if host is not on this machine. */
export function listen(server: Server, port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      // No IPv6 loopback on this machine: 127.0.0.1 alone serves "localhost".
      error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT'
        ? resolve(undefined)
        : reject(error),
    );
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** `v4` on 127.0.0.1 (a port the system picks) and `v6` on ::1 at the same port. */
export async function listenLocalhost(
  v4: Server,
  v6: Server,
): Promise<{ port: number; live: Server[] }> {
  const port = (await listen(v4, 0, '127.0.0.1'))!;
  const both = await listen(v6, port, '::1');
  return { port, live: both ? [v4, v6] : [v4] };
}
