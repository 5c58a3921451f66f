// A merchant's bug, not an attacker's: card numbers sent where ids go.
import { EXP_YEAR } from '../../lib/test-cards.js';
import { makeCase, type FuzzCase, type Pools } from './arbitraries.js';

/** A merchant's bug: the card number sent where an id goes. The answer must not repeat it. */
export function misplacedNumberCases(p: Pools): FuzzCase[] {
  const json = 'application/json';
  const sk = `Bearer ${p.sk}`;
  return [
    makeCase(
      'POST',
      '/v1/payments',
      sk,
      json,
      JSON.stringify({ amount: 10, currency: 'usd', token: '4242424242424242' }),
    ),
    makeCase(
      'POST',
      '/v1/payments',
      sk,
      json,
      JSON.stringify({ amount: 10, currency: 'usd', token: '5555 5555 5555 4444' }),
    ),
    makeCase('GET', '/v1/payments/4242424242424242', sk, null, undefined),
    makeCase('POST', '/v1/payments/6011111111111117/refund', sk, json, '{}'),
    makeCase('GET', `/v1/payments?starting_after=4242424242424242`, sk, null, undefined),
    makeCase(
      'POST',
      '/v1/tokens',
      `Bearer ${p.pk}`,
      json,
      JSON.stringify({
        card: { number: '4242424242424241', exp_month: 1, exp_year: EXP_YEAR, cvc: '731' },
      }),
    ),
    makeCase(
      'POST',
      '/v1/tokens',
      `Bearer ${p.pk}`,
      json,
      JSON.stringify({
        card: { number: '4242424242424242', exp_month: 13, exp_year: EXP_YEAR, cvc: '73' },
      }),
    ),
    makeCase(
      'POST',
      '/v1/tokens',
      `Bearer ${p.pk}`,
      json,
      '{"card":{"number":"4242424242424242","cvc":"731",',
    ),
  ];
}
