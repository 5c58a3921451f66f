import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys are random and high-entropy, so a plain SHA-256 is enough to store them:
 * there is nothing to brute-force that a slow hash would protect.
 */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export type KeyKind = 'publishable' | 'secret';
export type Mode = 'test' | 'live';

const prefixes: Record<KeyKind, string> = { publishable: 'pk', secret: 'sk' };

export function generateKey(kind: KeyKind, mode: Mode): string {
  return `${prefixes[kind]}_${mode}_${randomBytes(kind === 'secret' ? 24 : 12).toString('hex')}`;
}

/** What a key's prefix says it is; undefined for anything that is not a key of ours. */
export function parseKeyPrefix(key: string): { kind: KeyKind; mode: Mode } | undefined {
  const match = /^(pk|sk)_(test|live)_./.exec(key);
  if (!match) return undefined;
  return {
    kind: match[1] === 'pk' ? 'publishable' : 'secret',
    mode: match[2] as Mode,
  };
}
