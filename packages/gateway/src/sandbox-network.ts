import type { DeclineCode } from './errors.js';

/** What the sandbox card network answers for a card number (gateway-api.md, "Test cards"). */
export type NetworkOutcome =
  { kind: 'approved' } | { kind: 'challenge' } | { kind: 'declined'; code: DeclineCode };

const testCards: Record<string, NetworkOutcome> = {
  '4000002500003155': { kind: 'challenge' },
  '4000000000000002': { kind: 'declined', code: 'card_declined' },
  '4000000000009995': { kind: 'declined', code: 'insufficient_funds' },
  '4000000000000069': { kind: 'declined', code: 'expired_card' },
  '4000000000000127': { kind: 'declined', code: 'incorrect_cvc' },
};

export function authorize(number: string): NetworkOutcome {
  return testCards[number] ?? { kind: 'approved' };
}
