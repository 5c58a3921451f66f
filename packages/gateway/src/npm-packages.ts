import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The one scope the gateway's registry serves: the merchant packages it is built from. */
export const NPM_SCOPE = '@pay';

/** One packed version of a package, as `npm pack` wrote it into the registry directory. */
export interface NpmPackageVersion {
  /** The package.json inside the tarball, as npm, pnpm and yarn resolve dependencies by it. */
  manifest: Record<string, unknown> & { name: string; version: string };
  /** The tarball's file name in the directory (`pay-host-0.1.0.tgz`). */
  file: string;
  /** `sha512-<base64>`, the Subresource-Integrity form clients check and lockfiles keep. */
  integrity: string;
  /** Hex SHA-1, for clients that still read `dist.shasum`. */
  shasum: string;
  /** When the tarball was written (the packument's `time`). */
  packedAt: Date;
}

/** Package name → version → packed version. */
export type NpmPackages = ReadonlyMap<string, ReadonlyMap<string, NpmPackageVersion>>;

const TARBALL = /^[\w.-]+\.tgz$/;
const PACKAGE_NAME = /^@pay\/[a-z0-9][a-z0-9._-]*$/;
const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * `package/package.json` from a gzipped tarball. npm pack writes plain ustar entries and this
 * name is short (no pax header needed), so reading 512-byte headers is enough: no dependency.
 */
export function packageJsonOfTarball(gzipped: Uint8Array): unknown {
  const tar = gunzipSync(gzipped);
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const body = offset + 512;
    if (name === 'package/package.json') {
      return JSON.parse(tar.subarray(body, body + size).toString('utf8'));
    }
    offset = body + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

async function readVersion(dir: string, file: string): Promise<NpmPackageVersion | undefined> {
  const path = join(dir, file);
  const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
  let manifest: unknown;
  try {
    manifest = packageJsonOfTarball(bytes);
  } catch {
    return undefined;
  }
  const { name, version } = (manifest ?? {}) as { name?: unknown; version?: unknown };
  if (typeof name !== 'string' || !PACKAGE_NAME.test(name)) return undefined;
  if (typeof version !== 'string' || !VERSION.test(version)) return undefined;
  return {
    manifest: manifest as NpmPackageVersion['manifest'],
    file,
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
    shasum: createHash('sha1').update(bytes).digest('hex'),
    packedAt: info.mtime,
  };
}

/**
 * The packages in the registry directory (`npm pack` output of @pay/host, @pay/react,
 * @pay/vue, packed at build time), read again whenever a tarball is added, removed or
 * rewritten: a rebuild is served without a restart, and the hashes published are always those
 * of the bytes served. A file that is not a @pay package tarball is left out.
 */
export class NpmPackageReader {
  readonly #dir: string;
  #cached: { stamp: string; packages: Promise<NpmPackages> } | undefined;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async current(): Promise<NpmPackages> {
    let files: string[];
    try {
      files = (await readdir(this.#dir)).filter((file) => TARBALL.test(file)).sort();
    } catch {
      return new Map();
    }
    const stats = await Promise.all(
      files.map((file) => stat(join(this.#dir, file)).catch(() => null)),
    );
    const stamp = files
      .map((file, i) => `${file}:${stats[i]?.size}:${stats[i]?.mtimeMs}:${stats[i]?.ino}`)
      .join(' ');
    if (this.#cached?.stamp !== stamp) {
      const packages = this.#read(files);
      this.#cached = { stamp, packages };
      // A tarball removed mid-read (a rebuild under way): read again on the next request.
      packages.catch(() => {
        if (this.#cached?.packages === packages) this.#cached = undefined;
      });
    }
    return this.#cached.packages;
  }

  async #read(files: string[]): Promise<NpmPackages> {
    const packages = new Map<string, Map<string, NpmPackageVersion>>();
    for (const file of files) {
      const packed = await readVersion(this.#dir, file);
      if (!packed) continue;
      const versions = packages.get(packed.manifest.name) ?? new Map();
      versions.set(packed.manifest.version, packed);
      packages.set(packed.manifest.name, versions);
    }
    return packages;
  }
}
