import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let script: Promise<string> | undefined;

/**
 * The challenge page's script, bundled from TypeScript on first use (it imports the message
 * type from @pay/protocol) and kept in memory, so the gateway needs no separate build step.
 */
export function challengeScript(): Promise<string> {
  script ??= build({
    entryPoints: [fileURLToPath(new URL('./challenge.client.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return script;
}

export const challengeStyles = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, sans-serif; }
body { margin: 0; display: grid; place-items: center; min-height: 100vh; }
main { box-sizing: border-box; width: 100%; max-width: 26rem; padding: 1.5rem; text-align: center; overflow-wrap: anywhere; }
h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.amount { font-size: 1.75rem; font-weight: 600; margin: 0.5rem 0 1.25rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; justify-content: center; }
button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 0.4rem; border: 1px solid #888; cursor: pointer; }
button.complete { background: #1a7f37; color: #fff; border-color: #1a7f37; }
button.fail { background: transparent; color: inherit; }
.note { font-size: 0.85rem; opacity: 0.75; margin-top: 1.25rem; }
`;
