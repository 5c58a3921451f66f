import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const mainFile = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** A gateway started as other suites start it: `main.ts` in its own process, env config. */
export interface ChildGateway {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `main.ts` on port 0 and resolves once it prints its URL. */
export function startChild(
  env: Record<string, string>,
  { preload }: { preload?: string } = {},
): Promise<ChildGateway> {
  const imports = ['--import', 'tsx', ...(preload ? ['--import', preload] : [])];
  const child = spawn(process.execPath, [...imports, mainFile], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`gateway exited ${code}: ${output}`));
    });
    const poll = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(poll);
        resolve({ child, url: match[1], output: () => output });
      }
    }, 25);
  });
}

function ended(gateway: ChildGateway, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    gateway.child.removeAllListeners('exit');
    if (gateway.child.exitCode !== null || gateway.child.signalCode !== null) return resolve();
    gateway.child.on('exit', () => resolve());
    gateway.child.kill(signal);
  });
}

/** A clean shutdown (SIGTERM). */
export const stopChild = (gateway: ChildGateway): Promise<void> => ended(gateway, 'SIGTERM');

/** A crash: no shutdown hook, no flush, nothing after the signal runs. */
export const killChild = (gateway: ChildGateway): Promise<void> => ended(gateway, 'SIGKILL');
