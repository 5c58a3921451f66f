// docs/gateway-api.md and the OpenAPI document the gateway serves name the same operations: a
// route added, renamed or removed without its documentation (or the other way round) fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { startGateway, type Gateway } from './harness.js';

let gw: Gateway;
before(async () => {
  gw = await startGateway();
});
after(async () => {
  await gw.close();
});

/** `GET /v1/payments/{id}` and the like, wherever the contract names one. */
function documentedOperations(): Set<string> {
  const contract = readFileSync(new URL('../../../docs/gateway-api.md', import.meta.url), 'utf8');
  const named = contract.matchAll(/\b(GET|POST) (\/[\w/{}.-]+)/g);
  return new Set([...named].map(([, method, path]) => `${method} ${path}`));
}

it('every operation of /openapi.json is in docs/gateway-api.md, and every documented one is served', async () => {
  const answer = await gw.api<{ paths: Record<string, Record<string, unknown>> }>(
    'GET',
    '/openapi.json',
    { key: null },
  );
  assert.equal(answer.status, 200);
  const served = new Set(
    Object.entries(answer.body.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    ),
  );
  // The document itself is described in the contract, not in itself.
  served.add('GET /openapi.json');
  const documented = documentedOperations();
  assert.deepEqual([...served].filter((op) => !documented.has(op)).sort(), []);
  assert.deepEqual([...documented].filter((op) => !served.has(op)).sort(), []);
});
