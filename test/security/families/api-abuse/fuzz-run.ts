// Sends a batch of fuzz cases and checks each answer against the documented contract; counts
// what the answers say was stored, for the row counts checked after the fuzz.
import { contractProblem, echoedNumber, isFailedPayment } from '../../lib/api-contract.js';
import type { GatewayRun } from '../../lib/gateway-process.js';
import { api, pool, send, type RawRequest, type RawResponse } from '../../lib/http-client.js';
import type { Attempts } from '../../lib/results.js';
import { usedSecrets } from '../../lib/test-cards.js';
import type { FuzzCase } from './arbitraries.js';

/** Counts answers that stored something, so the row counts after can be checked. */
export interface Effects {
  tokens: number;
  payments: number;
}

function classify(req: RawRequest, res: RawResponse, effects: Effects): void {
  if (req.method === 'POST' && req.path === '/v1/tokens' && res.status === 201) {
    effects.tokens++;
    // Whatever card this fuzz case tokenized is now at rest: family 6 looks for it too.
    const card = (JSON.parse(String(req.body)) as { card: { number: string; cvc: string } }).card;
    usedSecrets.numbers.add(card.number.replace(/[ -]/g, ''));
    usedSecrets.cvcs.add(card.cvc);
  }
  const created = res.status === 201 || res.status === 202 || isFailedPayment(res);
  if (
    req.method === 'POST' &&
    req.path === '/v1/payments' &&
    created &&
    res.headers['idempotent-replayed'] !== 'true'
  )
    effects.payments++;
}

function caseProblem(c: FuzzCase, res: RawResponse): string | undefined {
  // HEAD answers carry no body: status and Request-Id are all there is to check.
  if (c.request.method === 'HEAD') {
    if (res.status >= 500) return `HTTP ${res.status}`;
    return res.headers['request-id'] ? undefined : `HTTP ${res.status} without a Request-Id header`;
  }
  const problem = contractProblem(res, c.requestText);
  if (problem) return problem;
  // Metadata is echoed by design; everywhere else a card number sent must not come back.
  const echoes = res.status >= 400 || c.request.path === '/v1/tokens';
  if (echoes && !isFailedPayment(res)) {
    const echoed = echoedNumber(c.requestText, res.text);
    if (echoed)
      return `the answer repeats the card-like number ${echoed.slice(0, 4)}…${echoed.slice(-4)} it was sent`;
  }
  return undefined;
}

function summary(c: FuzzCase): string {
  const body =
    c.request.body === undefined
      ? ''
      : ` body=${JSON.stringify(c.request.body.toString().slice(0, 160))}`;
  return `${c.request.method} ${c.request.path.slice(0, 120)} ${JSON.stringify(c.request.headers ?? {}).slice(0, 160)}${body}`;
}

export async function runCases(
  result: Attempts,
  label: string,
  gw: GatewayRun,
  cases: FuzzCase[],
  effects: Effects,
): Promise<void> {
  await pool(
    4,
    cases.map((c) => async () => {
      let problem: string | undefined;
      try {
        const res = await send(gw.url, c.request);
        classify(c.request, res, effects);
        problem = caseProblem(c, res);
      } catch (error) {
        problem = `no HTTP answer (${(error as Error).message})`;
      }
      result.record(`${label}: ${summary(c)}`, problem);
    }),
  );
}

export async function countPayments(gw: GatewayRun): Promise<number> {
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const res = await api(
      gw.url,
      'GET',
      `/v1/payments?limit=100${after ? `&starting_after=${after}` : ''}`,
      gw.secretKey,
    );
    const page = res.json as { data: { id: string }[]; has_more: boolean };
    count += page.data.length;
    if (!page.has_more) return count;
    after = page.data[page.data.length - 1]?.id;
  }
}
