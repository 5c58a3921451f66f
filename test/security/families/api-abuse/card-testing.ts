// Card testing against the /v1/tokens rate limits: bursts per merchant (every spelling of
// its key) and per client address; junk that must neither lock out the merchant's customers
// nor flush its budget. Each scenario gets a fresh limited gateway (fresh budgets).
import Database from 'better-sqlite3';
import { contractProblem } from '../../lib/api-contract.js';
import { startGateway, stopGateway, type GatewayRun } from '../../lib/gateway-process.js';
import { pool, send, type RawResponse } from '../../lib/http-client.js';
import { describe } from 'node:test';
import { attack, type Attempts } from '../../lib/results.js';
import { TEST_CARDS, cardBody, usedSecrets } from '../../lib/test-cards.js';

/** Per client address (PAY_TOKEN_RATE_LIMIT) and per merchant, each per minute. */
const TOKEN_LIMIT = 10;
const MERCHANT_LIMIT = 30;
const JUNK_KEYS = 6000;

/** A tokenize request from a loopback client address (127.0.0.0/8 all reaches the gateway). */
function tokenFrom(
  gw: GatewayRun,
  localAddress: string,
  authorization: string,
  body: unknown = cardBody(TEST_CARDS[0]!),
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return send(gw.url, {
    method: 'POST',
    path: '/v1/tokens',
    localAddress,
    headers: { authorization, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function statusCount(answers: RawResponse[], status: number): number {
  return answers.filter((r) => r.status === status).length;
}

/** A fresh limited gateway per scenario (fresh budgets); afterwards, refused requests stored nothing. */
async function limitedScenario(
  result: Attempts,
  label: string,
  run: (gw: GatewayRun) => Promise<RawResponse[]>,
): Promise<void> {
  const gw = await startGateway({
    tokenRateLimit: TOKEN_LIMIT,
    env: { PAY_TOKEN_RATE_LIMIT_PER_MERCHANT: String(MERCHANT_LIMIT) },
  });
  let created = 0;
  try {
    const answers = await run(gw);
    created = statusCount(answers, 201);
    const problems = answers.map((res) => contractProblem(res)).filter((p) => p !== undefined);
    result.record(
      `${label}: every answer has the documented shape`,
      problems.length ? `${problems.length} of ${answers.length}: ${problems[0]}` : undefined,
    );
  } finally {
    await stopGateway(gw);
  }
  const db = new Database(gw.databaseFile, { readonly: true });
  try {
    const rows = (db.prepare('SELECT count(*) AS n FROM tokens').get() as { n: number }).n;
    result.check(
      `${label}: refused requests stored nothing`,
      rows === created,
      `${rows} token rows for ${created} tokens answered 201`,
    );
  } finally {
    db.close();
  }
}

export function cardTesting(): void {
  describe('card testing', () => {
    attack('per merchant and per address', (result) =>
      limitedScenario(result, 'card testing, per merchant and per address', async (gw) => {
        const pk = `Bearer ${gw.publishableKey}`;
        // Per merchant: its key from more addresses than its budget, one request each.
        const byKey = await Promise.all(
          Array.from({ length: MERCHANT_LIMIT + 8 }, (_, i) =>
            tokenFrom(gw, `127.0.0.${10 + i}`, pk),
          ),
        );
        checkBurst(
          result,
          `card testing, one key from ${MERCHANT_LIMIT + 8} addresses`,
          byKey,
          MERCHANT_LIMIT,
        );

        // Per address: rotating (made-up) keys from one address.
        const byAddress = await Promise.all(
          Array.from({ length: TOKEN_LIMIT + 8 }, (_, i) =>
            tokenFrom(gw, '127.0.0.99', `Bearer pk_test_rotating_${i}`),
          ),
        );
        const limited = statusCount(byAddress, 429);
        result.check(
          'card testing, rotating keys from one address',
          limited === 8 && statusCount(byAddress, 401) === TOKEN_LIMIT,
          `${limited} of ${TOKEN_LIMIT + 8} answered 429 (expected 8 after ${TOKEN_LIMIT} answered 401)`,
        );

        // A browser reads Retry-After across origins only when CORS exposes it.
        const cors = await tokenFrom(gw, '127.0.0.99', pk, undefined, {
          origin: 'http://127.0.0.1:1',
        });
        const exposed = String(cors.headers['access-control-expose-headers'] ?? '').toLowerCase();
        result.check(
          '429 readable by the fields (CORS exposes Retry-After)',
          cors.status === 429 && exposed.includes('retry-after'),
          `status ${cors.status}, expose-headers "${exposed}"`,
        );
        return [...byKey, ...byAddress, cors];
      }),
    );

    attack('Authorization spellings', (result) =>
      limitedScenario(result, 'card testing, Authorization spellings', async (gw) => {
        const spellings = ['Bearer ', 'bearer ', 'BEARER ', 'Bearer  ', 'bEaReR '].map(
          (scheme) => `${scheme}${gw.publishableKey}`,
        );
        // Five addresses, each within its own budget: only the merchant's can stop them.
        const answers = await Promise.all(
          Array.from({ length: 5 * TOKEN_LIMIT }, (_, i) =>
            tokenFrom(gw, `127.0.1.${1 + (i % 5)}`, spellings[i % spellings.length]!),
          ),
        );
        checkBurst(
          result,
          `card testing, 5 spellings of one key from 5 addresses (merchant budget ${MERCHANT_LIMIT})`,
          answers,
          MERCHANT_LIMIT,
        );
        return answers;
      }),
    );

    attack('junk from attackers', (result) =>
      limitedScenario(result, 'card testing, junk from attackers', async (gw) => {
        const pk = `Bearer ${gw.publishableKey}`;
        const card = cardBody(TEST_CARDS[0]!).card as Record<string, unknown>;
        const failsLuhn = '4242424242424241';
        usedSecrets.numbers.add(failsLuhn);
        // Invalid bodies with the merchant's own key, from one address: they spend that address.
        const invalid = await Promise.all(
          Array.from({ length: 120 }, (_, i) =>
            tokenFrom(
              gw,
              '127.0.2.1',
              pk,
              i % 2 ? { card: {} } : { card: { ...card, number: failsLuhn } },
            ),
          ),
        );
        result.check(
          'card testing, 120 invalid bodies with the merchant key from one address',
          statusCount(invalid, 400) === TOKEN_LIMIT &&
            statusCount(invalid, 429) === 120 - TOKEN_LIMIT,
          `${statusCount(invalid, 400)} answered 400, ${statusCount(invalid, 429)} answered 429`,
        );
        const customer = await tokenFrom(gw, '127.0.2.2', pk);
        result.check(
          'card testing, after those invalid bodies a customer from another address gets a token',
          customer.status === 201,
          `the customer got ${customer.status}`,
        );

        // Part of the merchant's budget spent by real customers...
        const spent = await Promise.all(
          Array.from({ length: 2 * TOKEN_LIMIT }, (_, i) =>
            tokenFrom(gw, `127.0.2.${3 + (i % 2)}`, pk),
          ),
        );
        result.check(
          'card testing, customers within the budgets get their tokens',
          statusCount(spent, 201) === spent.length,
          `${statusCount(spent, 201)} of ${spent.length} answered 201`,
        );
        const left = MERCHANT_LIMIT - 1 - spent.length;
        // ...then thousands of unknown keys from hundreds of addresses (each within its budget).
        const junkKinds = ['pk_test_', 'pk_live_', 'sk_test_', `${gw.publishableKey}x`, ''];
        const junk = await pool(
          64,
          Array.from({ length: JUNK_KEYS }, (_, i) => () => {
            const address = Math.floor(i / TOKEN_LIMIT);
            return tokenFrom(
              gw,
              `127.3.${address >> 8}.${address & 255}`,
              `Bearer ${junkKinds[i % junkKinds.length]}junk${i}`,
            );
          }),
        );
        result.check(
          `card testing, ${JUNK_KEYS} unknown keys from ${JUNK_KEYS / TOKEN_LIMIT} addresses`,
          statusCount(junk, 401) === JUNK_KEYS,
          `${statusCount(junk, 401)} of ${JUNK_KEYS} answered 401`,
        );
        // The merchant's bucket was neither flushed nor replaced: the next burst gets what is left.
        const burst = await Promise.all(
          Array.from({ length: 5 * TOKEN_LIMIT }, (_, i) =>
            tokenFrom(gw, `127.0.2.${10 + (i % 5)}`, pk),
          ),
        );
        checkBurst(
          result,
          `card testing, after the junk the merchant budget still holds (${left} left)`,
          burst,
          left,
        );
        return [...invalid, customer, ...spent, ...junk, ...burst];
      }),
    );
  });
}

function checkBurst(result: Attempts, label: string, answers: RawResponse[], limit: number): void {
  const ok = answers.filter((r) => r.status === 201).length;
  const limited = answers.filter((r) => r.status === 429);
  result.check(
    label,
    ok === limit && limited.length === answers.length - limit,
    `${ok} answered 201 and ${limited.length} answered 429 (limit ${limit})`,
  );
  for (const res of limited) {
    const retryAfter = Number(res.headers['retry-after']);
    result.check(
      `${label}: 429 carries Retry-After`,
      Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
      `Retry-After "${String(res.headers['retry-after'])}"`,
    );
    result.record(
      `${label}: 429 body`,
      contractProblem(res) ??
        ((res.json as { error?: { code?: string } }).error?.code === 'rate_limited'
          ? undefined
          : 'code is not rate_limited'),
    );
  }
}
