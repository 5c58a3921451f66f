// WebKitGTK's WebDriver for tests: an Xvfb display (MiniBrowser needs X even headless) and
// `WebKitWebDriver` on a free port, both stopped when this process exits.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** WebDriver capabilities that open MiniBrowser in automation mode (classic WebDriver, no BiDi). */
export const webkitCapabilities = {
  browserName: 'MiniBrowser',
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on the first free display; resolves with its DISPLAY value. */
function startXvfb(children) {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      },
    );
    children.push(xvfb);
    let displayNumber = '';
    xvfb.stdio[3].on('data', (chunk) => {
      displayNumber += chunk.toString();
      if (displayNumber.includes('\n')) resolve(`:${displayNumber.trim()}`);
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) =>
      reject(new Error(`Xvfb exited (${code}) before it gave a display`)),
    );
  });
}

async function waitForDriver(url, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      const answer = await fetch(`${url}/status`);
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('WebKitWebDriver did not answer /status within 10 s');
}

/**
 * Starts Xvfb and WebKitWebDriver; resolves with the driver's host and port, and stop().
 * The display is also exported to this process, so MiniBrowser started by the driver sees it.
 */
export async function startWebKitDriver() {
  const children = [];
  const stop = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  const display = await startXvfb(children);
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
  });
  children.push(driver);
  await waitForDriver(`http://127.0.0.1:${port}`, driver);
  return { hostname: '127.0.0.1', port, display, stop };
}
