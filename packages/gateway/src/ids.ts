import { pooledRandomHex } from './random-pool.js';

/** Object ids: a type prefix and 96 random bits, so ids cannot be guessed or enumerated. */
export function newId(prefix: 'tok' | 'pay' | 'req' | 'mer' | 'ch'): string {
  return `${prefix}_${pooledRandomHex(12)}`;
}
