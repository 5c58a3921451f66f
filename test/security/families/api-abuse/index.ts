// Family 3: property-based fuzzing of every gateway endpoint (fast-check generates the
// requests), raw transport abuse, and card testing against the /v1/tokens rate limit.
import { describe } from 'node:test';
import { cardTesting } from './card-testing.js';
import { afterTheFuzz, fuzz, fuzzTarget } from './fuzz.js';
import { transport } from './transport.js';

export function apiAbuse(): void {
  describe('3 API abuse', () => {
    const target = fuzzTarget();
    fuzz(target);
    transport(target);
    afterTheFuzz(target);
    cardTesting();
  });
}
