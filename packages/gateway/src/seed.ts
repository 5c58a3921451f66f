import { generateKey, parseKeyPrefix } from './crypto/key-hash.js';
import type { Storage } from './storage/storage.js';

export interface SeedResult {
  merchantId: string;
  created: boolean;
  publishableKey: string;
  /** Known only when just generated or given; otherwise it exists only as a hash. */
  secretKey: string | undefined;
}

/**
 * The sandbox's test merchant: created on first start with fresh test keys, or with exactly
 * the keys given (PAY_SEED_PUBLISHABLE_KEY / PAY_SEED_SECRET_KEY), which also replace the
 * keys of an existing seed merchant.
 */
export async function seedMerchant(
  storage: Storage,
  given: { publishableKey?: string | undefined; secretKey?: string | undefined },
): Promise<SeedResult> {
  for (const [name, key, prefix] of [
    ['PAY_SEED_PUBLISHABLE_KEY', given.publishableKey, 'pk_test_'],
    ['PAY_SEED_SECRET_KEY', given.secretKey, 'sk_test_'],
  ] as const) {
    if (key !== undefined && (!key.startsWith(prefix) || !parseKeyPrefix(key))) {
      throw new Error(`${name} must start with ${prefix}`);
    }
  }

  const existing = await storage.findSeedMerchant();
  if (!existing) {
    const publishableKey = given.publishableKey ?? generateKey('publishable', 'test');
    const secretKey = given.secretKey ?? generateKey('secret', 'test');
    const merchantId = await storage.createMerchant({
      name: 'Sandbox test merchant',
      seed: true,
      keys: [
        { kind: 'publishable', mode: 'test', key: publishableKey },
        { kind: 'secret', mode: 'test', key: secretKey },
      ],
    });
    return { merchantId, created: true, publishableKey, secretKey };
  }

  if (given.publishableKey) {
    await storage.replaceApiKey(existing.id, {
      kind: 'publishable',
      mode: 'test',
      key: given.publishableKey,
    });
  }
  if (given.secretKey) {
    await storage.replaceApiKey(existing.id, {
      kind: 'secret',
      mode: 'test',
      key: given.secretKey,
    });
  }
  const stored = existing.keys.find((k) => k.kind === 'publishable' && k.mode === 'test');
  return {
    merchantId: existing.id,
    created: false,
    publishableKey: given.publishableKey ?? stored?.display ?? '',
    secretKey: given.secretKey,
  };
}
