// The payment state machine (src/payment-transitions.ts), cell by cell: the table against the
// contract written out here by hand, the real gateway over HTTP against the contract for every
// status × action, and docs/gateway-api.md's "Status transitions" list against the table.
// Changing one cell of the table fails the first test, and (the routes read the table) the walk.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  APPROVED_STATUS,
  CREATION_OUTCOMES,
  PAYMENT_ACTIONS,
  PAYMENT_STATUSES,
  PAYMENT_TRANSITIONS,
  creationHttpStatus,
  nextStatuses,
} from '../src/payment-transitions.js';
import type { PaymentAction, PaymentStatus, Transition } from '../src/payment-transitions.js';
import { errorOf, startGateway } from './harness.js';
import type { Gateway } from './harness.js';

/** Refused: `400 invalid_status`. Unchanged: a second 3-D Secure decision, nothing written. */
type Expected =
  | 'refused'
  | 'unchanged'
  | PaymentStatus
  | { manual: PaymentStatus; automatic: PaymentStatus }
  | { all: PaymentStatus; part: PaymentStatus };

const refusedByApi = { capture: 'refused', void: 'refused', refund: 'refused' } as const;
const decided = { complete_challenge: 'unchanged', fail_challenge: 'unchanged' } as const;
const refunds = { all: 'refunded', part: 'partially_refunded' } as const;

/** The contract of docs/gateway-api.md, by hand, so that a changed table cell is noticed. */
const CONTRACT: Record<PaymentStatus, Record<PaymentAction, Expected>> = {
  requires_action: {
    ...refusedByApi,
    complete_challenge: { manual: 'authorized', automatic: 'completed' },
    fail_challenge: 'failed',
  },
  authorized: { capture: 'completed', void: 'canceled', refund: 'refused', ...decided },
  completed: { capture: 'refused', void: 'refused', refund: refunds, ...decided },
  partially_refunded: { capture: 'refused', void: 'refused', refund: refunds, ...decided },
  refunded: { ...refusedByApi, ...decided },
  canceled: { ...refusedByApi, ...decided },
  failed: { ...refusedByApi, ...decided },
};

/** What a table cell says, in the contract's terms, with its HTTP status and error code. */
function cellSays(t: Transition): { expected: Expected; http: number; code?: string } {
  switch (t.outcome) {
    case 'refused':
      return { expected: 'refused', http: t.http, code: t.code };
    case 'unchanged':
      return { expected: 'unchanged', http: t.http };
    case 'approves':
      return { expected: { ...APPROVED_STATUS }, http: t.http };
    case 'moves':
      return { expected: t.partly ? { all: t.to, part: t.partly } : t.to, http: t.http };
  }
}

const isChallenge = (action: PaymentAction) =>
  action === 'complete_challenge' || action === 'fail_challenge';

describe('the payment transition table', () => {
  it('says what the contract says, for every status × action', () => {
    for (const status of PAYMENT_STATUSES) {
      for (const action of PAYMENT_ACTIONS) {
        const expected = CONTRACT[status][action];
        const challenge = isChallenge(action);
        assert.deepEqual(
          cellSays(PAYMENT_TRANSITIONS[status][action]),
          {
            expected,
            // Refusals are the error table's invalid_status; the 3-D Secure page answers 200.
            http: expected === 'refused' ? 400 : 200,
            ...(expected === 'refused' ? { code: 'invalid_status' } : {}),
          },
          `${status} × ${action}${challenge ? ' (3-D Secure)' : ''}`,
        );
      }
    }
  });

  it('creates payments in the statuses the contract names, with their HTTP statuses', () => {
    assert.deepEqual(CREATION_OUTCOMES, {
      approved: { to: { automatic: 'completed', manual: 'authorized' }, http: 201 },
      challenge: { to: 'requires_action', http: 202 },
      declined: { to: 'failed', http: 400 },
    });
  });
});

interface Payment {
  id: string;
  status: PaymentStatus;
  amount_captured: number;
  amount_refunded: number;
  redirect_url: string | null;
  error?: { code: string };
}

const cards = {
  approved: '4242424242424242',
  challenge: '4000002500003155',
  declined: '4000000000000002',
};

describe('every status × action, over HTTP', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ tokenRateLimit: 10_000 });
  });
  after(() => gw.close());

  const post = (id: string, action: string, body: Record<string, unknown> = {}) =>
    gw.api('POST', `/v1/payments/${id}/${action}`, { body });
  const get = async (id: string) => (await gw.api<Payment>('GET', `/v1/payments/${id}`)).body;
  /** The challenge page's form post, framed (the SDK's modal): the outcome page, 200. */
  const decide = (url: string, decision: 'complete' | 'fail') =>
    fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ decision, parent_origin: 'https://shop.example' }).toString(),
    });

  /**
   * A payment of 10.00 in `status`. Through 3-D Secure (`viaChallenge`) it keeps the challenge's
   * URL, so a decision can be posted again; else from an approved or declined card.
   */
  async function reach(
    status: PaymentStatus,
    viaChallenge: boolean,
    captureMethod: 'automatic' | 'manual' = 'automatic',
  ): Promise<{ id: string; challengeUrl: string }> {
    const card =
      viaChallenge || status === 'requires_action'
        ? cards.challenge
        : status === 'failed'
          ? cards.declined
          : cards.approved;
    const manual = status === 'authorized' || status === 'canceled';
    const created = await gw.pay(await gw.tokenize(card), {
      amount: 10,
      capture_method: manual ? 'manual' : captureMethod,
    });
    const p = created.body as unknown as Payment;
    const challengeUrl = p.redirect_url ?? '';
    if (viaChallenge && status !== 'requires_action') {
      assert.equal(
        (await decide(challengeUrl, status === 'failed' ? 'fail' : 'complete')).status,
        200,
      );
    }
    if (status === 'partially_refunded')
      assert.equal((await post(p.id, 'refund', { amount: 4 })).status, 200);
    if (status === 'refunded') assert.equal((await post(p.id, 'refund')).status, 200);
    if (status === 'canceled') assert.equal((await post(p.id, 'void')).status, 200);
    assert.equal((await get(p.id)).status, status, `could not reach ${status}`);
    return { id: p.id, challengeUrl };
  }

  for (const status of PAYMENT_STATUSES) {
    for (const action of PAYMENT_ACTIONS) {
      const expected = CONTRACT[status][action];
      const cell = PAYMENT_TRANSITIONS[status][action];
      // One run per way the cell can end: both capture methods, a full and a partial refund.
      const variants: {
        name: string;
        method?: 'automatic' | 'manual';
        part?: boolean;
        to?: PaymentStatus;
      }[] =
        typeof expected !== 'object'
          ? [
              {
                name: '',
                ...(expected === 'refused' || expected === 'unchanged' ? {} : { to: expected }),
              },
            ]
          : 'manual' in expected
            ? [
                { name: ' (manual capture)', method: 'manual', to: expected.manual },
                { name: ' (automatic capture)', method: 'automatic', to: expected.automatic },
              ]
            : [
                { name: ' (all of it)', to: expected.all },
                { name: ' (part of it)', part: true, to: expected.part },
              ];
      for (const variant of variants) {
        it(`${status} × ${action}${variant.name}: ${typeof expected === 'string' ? expected : `→ ${variant.to}`}`, async () => {
          const challenge = isChallenge(action);
          const p = await reach(status, challenge, variant.method);
          const before = await get(p.id);
          let http: number;
          if (challenge) {
            const answer = await decide(
              p.challengeUrl,
              action === 'fail_challenge' ? 'fail' : 'complete',
            );
            http = answer.status;
            assert.match(answer.headers.get('content-type') ?? '', /text\/html/);
          } else {
            const answer = await post(p.id, action, variant.part ? { amount: 4 } : {});
            http = answer.status;
            if (expected === 'refused') {
              assert.equal(errorOf(answer).code, 'invalid_status');
              assert.equal(errorOf(answer).type, 'invalid_request_error');
            } else {
              assert.equal((answer.body as unknown as Payment).status, variant.to);
            }
          }
          assert.equal(http, cell.http, 'the HTTP status of the answer');
          const after = await get(p.id);
          if (variant.to) {
            assert.equal(after.status, variant.to);
            assert.ok(nextStatuses(status, action).includes(variant.to));
          } else {
            // Refused or a second decision: nothing was written.
            assert.deepEqual(after, before);
            assert.deepEqual(nextStatuses(status, action), []);
          }
          if (after.status === 'completed') {
            assert.equal(after.amount_captured, 10);
          }
          if (after.status === 'authorized') assert.equal(after.amount_captured, 0);
          if (status === 'requires_action' && action === 'fail_challenge') {
            assert.equal(after.error?.code, 'authentication_failed');
          }
        });
      }
    }
  }

  for (const [kind, outcome] of Object.entries(CREATION_OUTCOMES)) {
    const methods = ['automatic', 'manual'] as const;
    for (const method of methods) {
      it(`POST /v1/payments, ${kind}, capture_method ${method}`, async () => {
        const card = cards[kind as keyof typeof cards];
        const answer = await gw.pay(await gw.tokenize(card), {
          amount: 10,
          capture_method: method,
        });
        const to = typeof outcome.to === 'string' ? outcome.to : outcome.to[method];
        assert.equal(answer.status, outcome.http);
        assert.equal(answer.status, creationHttpStatus(to));
        const p = answer.body as unknown as Payment;
        assert.equal(p.status, to);
        assert.equal(p.amount_captured, to === 'completed' ? 10 : 0);
      });
    }
  }
});

/** The rows of the Markdown table that follows `heading` in docs/gateway-api.md, cells trimmed. */
function docTable(doc: string, heading: string, after = ''): string[][] {
  const start = doc.indexOf(heading);
  assert.ok(start >= 0, `docs/gateway-api.md has no "${heading}"`);
  const from = after ? doc.indexOf(after, start) : start;
  const lines = doc.slice(from).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  // Without the header row and the |---| row.
  return rows.slice(2);
}

const quoted = (status: string) => `\`${status}\``;
const actionWords: Record<PaymentAction, string> = {
  capture: 'capture',
  void: 'void',
  refund: 'refund',
  complete_challenge: '3-D Secure `decision=complete`',
  fail_challenge: '3-D Secure `decision=fail`',
};
const approvedWords = `${quoted(APPROVED_STATUS.automatic)}, or ${quoted(APPROVED_STATUS.manual)} with manual capture`;
const creationWords: Record<keyof typeof CREATION_OUTCOMES, string> = {
  approved: 'approved',
  challenge: '3-D Secure',
  declined: 'declined',
};

/** The "Status transitions" rows the table makes: what moves a payment, from where to where. */
function transitionRows(): string[][] {
  const rows: string[][] = [];
  for (const [kind, outcome] of Object.entries(CREATION_OUTCOMES)) {
    const to = typeof outcome.to === 'string' ? quoted(outcome.to) : approvedWords;
    const words = creationWords[kind as keyof typeof CREATION_OUTCOMES];
    rows.push(['(new)', `\`POST /v1/payments\`, ${words}`, to, String(outcome.http)]);
  }
  for (const status of PAYMENT_STATUSES) {
    for (const action of PAYMENT_ACTIONS) {
      const t = PAYMENT_TRANSITIONS[status][action];
      if (t.outcome !== 'moves' && t.outcome !== 'approves') continue;
      const to =
        t.outcome === 'approves'
          ? approvedWords
          : t.partly
            ? `${quoted(t.to)}, or ${quoted(t.partly)} for part of it`
            : quoted(t.to);
      rows.push([quoted(status), actionWords[action], to, String(t.http)]);
    }
  }
  return rows;
}

describe('docs/gateway-api.md and the table', () => {
  const doc = readFileSync(new URL('../../../docs/gateway-api.md', import.meta.url), 'utf8');

  it('"Status transitions" lists every move of the table, and nothing else', () => {
    assert.deepEqual(
      docTable(doc, '### Status transitions'),
      transitionRows(),
      'docs/gateway-api.md, "Status transitions": make its table these rows',
    );
  });

  it('"Statuses:" names every status, in the protocol’s order', () => {
    const line = /^Statuses: ([^.]+)\./m.exec(doc)?.[1] ?? '';
    assert.deepEqual(
      [...line.matchAll(/`(\w+)`/g)].map((m) => m[1]),
      [...PAYMENT_STATUSES],
    );
  });

  it('capture, void and refund are "allowed from" the statuses the table allows them from', () => {
    const rows = docTable(doc, '### Capture, void, refund');
    const documented = Object.fromEntries(
      rows.map(([route = '', from = '']) => [
        /\/(\w+)`$/.exec(route)?.[1],
        [...from.matchAll(/`(\w+)`/g)].map((m) => m[1]),
      ]),
    );
    const allowed = Object.fromEntries(
      (['capture', 'void', 'refund'] as const).map((action) => [
        action,
        PAYMENT_STATUSES.filter((s) => PAYMENT_TRANSITIONS[s][action].outcome === 'moves'),
      ]),
    );
    assert.deepEqual(documented, allowed);
  });

  it('POST /v1/payments "Answers" give each new status the HTTP status of the table', () => {
    const rows = docTable(doc, '### POST /v1/payments', 'Answers, with the payment object');
    assert.ok(rows.length > 0);
    for (const [status = '', http = ''] of rows) {
      const name = status.replaceAll('`', '') as PaymentStatus;
      assert.equal(Number(http), creationHttpStatus(name), status);
    }
    const documented = new Set(rows.map(([status = '']) => status.replaceAll('`', '')));
    const created = Object.values(CREATION_OUTCOMES).flatMap((o) =>
      typeof o.to === 'string' ? [o.to] : Object.values(o.to),
    );
    assert.deepEqual([...documented].sort(), [...new Set(created)].sort());
  });
});
