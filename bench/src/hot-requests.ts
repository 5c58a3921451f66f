// The hot routes' requests as autocannon sends them, shared by the SQLite and PostgreSQL
// throughput runs: tokens made by one run are the payments' tokens in the next.
import autocannon from 'autocannon';
import { PUBLISHABLE_KEY, SECRET_KEY } from './gateway-process';

export const json = { 'content-type': 'application/json' };

export const cardBody = JSON.stringify({
  card: {
    number: '4242424242424242',
    exp_month: 12,
    exp_year: new Date().getUTCFullYear() + 3,
    cvc: '123',
    cardholder_name: 'Bench Mark',
  },
});

/** POST /v1/tokens with the publishable key; each token made goes into `tokens`. */
export function tokenRequest(tokens: string[]): autocannon.Request {
  return {
    method: 'POST',
    path: '/v1/tokens',
    headers: { ...json, authorization: `Bearer ${PUBLISHABLE_KEY}` },
    body: cardBody,
    onResponse: (status, body) => {
      if (status === 201) tokens.push((JSON.parse(body) as { id: string }).id);
    },
  };
}

/** POST /v1/payments with the secret key, spending `tokens`; `ranDry` when none was left. */
export function paymentRequest(
  tokens: string[],
  ranDry: () => void = () => {},
): autocannon.Request {
  return {
    method: 'POST',
    path: '/v1/payments',
    headers: { ...json, authorization: `Bearer ${SECRET_KEY}` },
    setupRequest: (req) => {
      const token = tokens.pop();
      if (!token) ranDry();
      return {
        ...req,
        body: JSON.stringify({ amount: 10, currency: 'usd', token: token ?? 'tok_pool_empty' }),
      };
    },
  };
}

/**
 * One autocannon run of `request` against `url`: for `seconds`, or until `amount` requests are
 * made if that comes first.
 */
export function hammer(
  url: string,
  request: autocannon.Request,
  opts: { connections: number; seconds: number; amount?: number },
): Promise<autocannon.Result> {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: opts.connections,
        ...(opts.amount !== undefined ? { amount: opts.amount } : { duration: opts.seconds }),
        requests: [request],
      },
      (error, result) => {
        clearTimeout(timer);
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(result);
      },
    );
    const timer = setTimeout(() => instance.stop(), opts.seconds * 1000);
  });
}
