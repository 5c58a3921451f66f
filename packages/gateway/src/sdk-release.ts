import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { SDK_ENTRY } from '@pay/protocol/sdk-snippet';

/** Written by the host build beside pay.js: the release's version and each file's SRI hash. */
export const RELEASE_MANIFEST = 'integrity.json';

/** One built SDK release, served under /sdk/v<version>/. */
export interface SdkRelease {
  version: string;
  /** File name in the release directory → `sha384-<base64>` of its bytes. */
  files: ReadonlyMap<string, string>;
  /**
   * The script-tag files (integrity.json's `script`): pay.js first, then the chunks it loads;
   * a subset of `files`. Empty for a manifest written before the build listed them.
   */
  script: ReadonlyMap<string, string>;
}

// SemVer without build metadata (a `+` in a URL path reads as a space to some tools).
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
// Flat names only, no dot files: nothing in a manifest can name a path outside the release.
const FILE_NAME = /^[\w-][\w.-]*$/;
const SHA384 = /^sha384-[A-Za-z0-9+/]{64}$/;

export function sriHash(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

function parseManifest(text: string): SdkRelease | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { version, files, script } = (json ?? {}) as {
    version?: unknown;
    files?: unknown;
    script?: unknown;
  };
  if (typeof version !== 'string' || !VERSION.test(version)) return undefined;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return undefined;
  const entries = Object.entries(files as Record<string, unknown>);
  const valid = entries.every(
    ([name, hash]) =>
      FILE_NAME.test(name) &&
      name !== RELEASE_MANIFEST &&
      typeof hash === 'string' &&
      SHA384.test(hash),
  );
  if (!valid) return undefined;
  const all = new Map(entries as [string, string][]);
  // `script` names files of `files`, with the same hashes, pay.js first.
  if (script !== undefined && (typeof script !== 'object' || script === null)) return undefined;
  const scriptEntries = Object.entries((script ?? {}) as Record<string, unknown>);
  const scriptValid =
    scriptEntries.every(([name, hash]) => all.get(name) === hash) &&
    (scriptEntries.length === 0 || scriptEntries[0]?.[0] === SDK_ENTRY);
  if (Array.isArray(script) || !scriptValid) return undefined;
  return { version, files: all, script: new Map(scriptEntries as [string, string][]) };
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

const stamp = (s: Stats) => `${s.ino}:${s.size}:${s.mtimeMs}`;

/**
 * The release in a build directory, read on each request (a rebuild is served without a
 * restart) and trusted only once every listed file hashes to its published value: merchants
 * pin these hashes, so the gateway never publishes one that differs from the bytes it serves.
 * Files are hashed again only when one changes (inode, size or mtime). No release while the
 * directory is unbuilt, half rebuilt, or edited by hand after its build.
 */
export class SdkReleaseReader {
  readonly #dir: string;
  readonly #onMismatch: (message: string) => void;
  #manifest: { stamp: string; release: Promise<SdkRelease | undefined> } | undefined;
  #checked: { stamp: string; ok: Promise<boolean> } | undefined;

  constructor(dir: string, onMismatch: (message: string) => void) {
    this.#dir = dir;
    this.#onMismatch = onMismatch;
  }

  async current(): Promise<SdkRelease | undefined> {
    const manifestStat = await statOrNull(join(this.#dir, RELEASE_MANIFEST));
    if (!manifestStat?.isFile()) return undefined;
    if (this.#manifest?.stamp !== stamp(manifestStat)) {
      this.#manifest = {
        stamp: stamp(manifestStat),
        release: readFile(join(this.#dir, RELEASE_MANIFEST), 'utf8').then(parseManifest, () => {
          this.#manifest = undefined;
          return undefined;
        }),
      };
    }
    const release = await this.#manifest.release;
    if (!release) return undefined;

    const stats = await Promise.all(
      [...release.files.keys()].map((name) => statOrNull(join(this.#dir, name))),
    );
    if (stats.some((s) => !s?.isFile())) return undefined;
    const filesStamp = `${stamp(manifestStat)} ${stats.map((s) => stamp(s as Stats)).join(' ')}`;
    if (this.#checked?.stamp !== filesStamp) {
      this.#checked = { stamp: filesStamp, ok: this.#verify(release) };
    }
    return (await this.#checked.ok) ? release : undefined;
  }

  async #verify(release: SdkRelease): Promise<boolean> {
    for (const [name, hash] of release.files) {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(this.#dir, name));
      } catch {
        // Removed since it was stat'ed (a rebuild under way): check again next time.
        this.#checked = undefined;
        return false;
      }
      if (sriHash(bytes) !== hash) {
        this.#onMismatch(
          `SDK ${release.version}: ${name} does not match ${RELEASE_MANIFEST}; ` +
            `/sdk/v${release.version}/* answers 404 until \`npm run build\``,
        );
        return false;
      }
    }
    return true;
  }
}
