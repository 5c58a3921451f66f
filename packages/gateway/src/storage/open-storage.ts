import { PostgresStorage } from './postgres-storage.js';
import { SqliteStorage } from './sqlite-storage.js';
import type { Storage } from './storage.js';
import type { TokenRateLimitStores } from '../token-rate-limit.js';

export type StorageChoice =
  | { engine: 'sqlite'; file: string; synchronous: 'FULL' | 'NORMAL' }
  | { engine: 'postgres'; url: string; poolSize: number };

export interface OpenedStorage {
  storage: Storage;
  /** Shared rate-limit counters when the engine has them (PostgreSQL); else in memory. */
  tokenRateLimitStores?: (now: () => number) => TokenRateLimitStores;
}

/** The storage `DATABASE_URL` names, opened and migrated. */
export async function openStorage(
  choice: StorageChoice,
  onPoolError?: (error: Error) => void,
): Promise<OpenedStorage> {
  if (choice.engine === 'sqlite') {
    return { storage: new SqliteStorage({ file: choice.file, synchronous: choice.synchronous }) };
  }
  const storage = await PostgresStorage.open({
    url: choice.url,
    poolSize: choice.poolSize,
    ...(onPoolError ? { onPoolError } : {}),
  });
  return { storage, tokenRateLimitStores: (now) => storage.tokenRateLimitStores(now) };
}
