// A server started as a child process that listens on a port the system picks (port 0) and
// prints its address: resolves once the address is printed, with the URL read from the output.
// No fixed ports, so two suites (or two checkouts of the repo) can run at the same time.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root: every child runs from here, so `--import tsx` resolves. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const READY_TIMEOUT_MS = 60_000;

export interface ChildServerOptions {
  /** For messages: "gateway", "shop"... */
  name: string;
  /** The script, relative to the repository root (TypeScript runs through tsx). */
  script: string;
  env?: Record<string, string | undefined>;
  /** Node options before the script (after `--import tsx`, so a preload may be TypeScript). */
  nodeArgs?: string[];
  /** The line that says the server is up; its first group is the URL. */
  ready: RegExp;
  /** Send stdout and stderr to this file (appended) instead of a pipe this process reads. */
  logFile?: string;
  /** Each line of output, as it comes (pipe mode only). */
  onLine?: (line: string) => void;
}

export interface ChildServer {
  child: ChildProcess;
  /** What the ready line named, e.g. `http://localhost:41234`. */
  url: string;
  /** The port of `url`, the one the system gave the server. */
  port: number;
  /** The whole ready line match, for servers that print more than one address. */
  match: RegExpExecArray;
  /** stdout and stderr so far (of this start, also when they go to a log file). */
  output(): string;
  /** A clean stop: SIGTERM, SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** A crash: SIGKILL, nothing runs after it. */
  kill(): Promise<void>;
}

/** Calls onLine for each whole line of the stream, and for a last one without a newline. */
function forEachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let rest = '';
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    parts.forEach((line) => onLine(line));
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
    rest = '';
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the script and resolves once it printed its ready line; rejects if it exits first. */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  let buffered = '';
  let stdio: 'pipe' | number = 'pipe';
  // What the file held before (an earlier run's ready line) is not this run's output.
  let logStart = 0;
  if (options.logFile) {
    stdio = openSync(options.logFile, 'a');
    logStart = fstatSync(stdio).size;
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...(options.nodeArgs ?? []), options.script],
    { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', stdio, stdio] },
  );
  if (typeof stdio === 'number') closeSync(stdio);
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (buffered += chunk));
    if (options.onLine) forEachLine(stream, options.onLine);
  }
  const output = () => {
    if (!options.logFile) return buffered;
    try {
      return readFileSync(options.logFile).subarray(logStart).toString('utf8');
    } catch {
      return '';
    }
  };

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const done = (error?: Error, found?: RegExpExecArray) => {
      clearInterval(poll);
      clearTimeout(timer);
      child.off('close', onExit);
      if (found) resolve(found);
      else reject(error);
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`${options.name} exited ${code ?? signal}: ${output()}`));
    // 'close', not 'exit': by then all its output is read, the error message included.
    child.once('close', onExit);
    const timer = setTimeout(
      () => done(new Error(`${options.name} printed no address in 60 s: ${output()}`)),
      READY_TIMEOUT_MS,
    );
    const poll = setInterval(() => {
      const found = options.ready.exec(output());
      if (found?.[1]) done(undefined, found);
    }, 25);
  }).catch(async (error: Error) => {
    child.kill('SIGKILL');
    await exited(child);
    throw error;
  });

  const url = match[1]!;
  return {
    child,
    url,
    port: Number(new URL(url).port),
    match,
    output,
    async stop() {
      const done = exited(child);
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.kill('SIGTERM');
      await done;
      clearTimeout(force);
    },
    async kill() {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
  };
}
