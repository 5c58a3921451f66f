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

/**
 * What may be shown or stored of a secret key: its kind prefix (`sk_test_`) and its last
 * characters, at most 4 and never more than a third of the random part, so even a short
 * chosen key such as `sk_test_e2e` is not given away.
 */
export function maskKey(key: string): string {
  const prefix = /^(pk|sk)_(test|live)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  const shown = Math.min(4, Math.floor(rest.length / 3));
  return `${prefix}…${shown > 0 ? rest.slice(-shown) : ''}`;
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
