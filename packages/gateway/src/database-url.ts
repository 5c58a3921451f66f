import { ConfigError } from './config-error.js';
import type { StorageChoice } from './storage/open-storage.js';

/**
 * `DATABASE_URL=postgres://user:password@host:port/database` selects PostgreSQL; anything else
 * is left to the SQLite reading in config.ts (undefined). A URL that cannot work stops the
 * start with one line that never repeats the password.
 */
export function postgresChoiceFrom(
  raw: string | undefined,
  poolSize: number,
): Extract<StorageChoice, { engine: 'postgres' }> | undefined {
  if (!raw || !/^postgres(ql)?:/i.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'DATABASE_URL: not a valid URL (postgres://user:password@host:port/database)',
    );
  }
  if (!url.hostname && !url.searchParams.get('host')) {
    throw new ConfigError('DATABASE_URL: no host (postgres://user:password@host:port/database)');
  }
  if (url.pathname.replace(/^\//, '') === '') {
    throw new ConfigError('DATABASE_URL: no database name (postgres://…/database)');
  }
  return { engine: 'postgres', url: raw, poolSize };
}

/** Where DATABASE_URL points, for logs and start-up errors: the password is never shown. */
export function describeDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
