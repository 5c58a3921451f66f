import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FRAME_CSP_FILE, type FrameCspHashes } from '@pay/protocol/gateway';

/**
 * The Content-Security-Policy of the card-field frames (/frame/v1/*). No inline script, no
 * eval, connections only to the gateway itself. Deliberately no `frame-ancestors`: merchants
 * embed these frames on any origin.
 */
export const frameCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' https:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Written by the frame build (`@pay/protocol/gateway` names the file and its shape). */
export { FRAME_CSP_FILE };

const HASH = /^'sha256-[A-Za-z0-9+/]{43}='$/;

function parseHashes(text: string): FrameCspHashes | undefined {
  try {
    const json = JSON.parse(text) as Partial<Record<keyof FrameCspHashes, unknown>>;
    const list = (v: unknown) =>
      Array.isArray(v) && v.every((h) => typeof h === 'string' && HASH.test(h))
        ? (v as string[])
        : undefined;
    const script = list(json['script-src']);
    const style = list(json['style-src']);
    return script && style ? { 'script-src': script, 'style-src': style } : undefined;
  } catch {
    return undefined;
  }
}

/** The frame CSP with a build's hashes added to script-src and style-src. */
export function frameCspWith(hashes: FrameCspHashes | undefined): string {
  if (!hashes) return frameCsp;
  return frameCsp
    .replace("script-src 'self'", ["script-src 'self'", ...hashes['script-src']].join(' '))
    .replace("style-src 'self'", ["style-src 'self'", ...hashes['style-src']].join(' '));
}

/**
 * The CSP for the frame build in `dir`, read again when frame-csp.json changes (a rebuild is
 * served without a restart). Without the file, or with one that is not a list of sha256 hashes,
 * the plain policy: inline code is blocked, never allowed more widely.
 */
export class FrameCspReader {
  readonly #file: string;
  #cached: { stamp: string; csp: Promise<string> } | undefined;

  constructor(dir: string) {
    this.#file = join(dir, FRAME_CSP_FILE);
  }

  async current(): Promise<string> {
    let stamp: string;
    try {
      const s = await stat(this.#file);
      stamp = `${s.ino}:${s.size}:${s.mtimeMs}`;
    } catch {
      return frameCsp;
    }
    if (this.#cached?.stamp !== stamp) {
      this.#cached = {
        stamp,
        csp: readFile(this.#file, 'utf8').then(
          (text) => frameCspWith(parseHashes(text)),
          () => frameCsp,
        ),
      };
    }
    return this.#cached.csp;
  }
}
