// The OpenAPI document the gateway serves passes Redocly's `recommended` rules with no error and
// no warning, so that merchants can generate typed clients from it.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { startGateway, type Gateway } from './harness.js';

let gw: Gateway;
before(async () => {
  gw = await startGateway();
});
after(async () => {
  await gw.close();
});

it("GET /openapi.json passes Redocly's recommended rules", async () => {
  const answer = await gw.api('GET', '/openapi.json', { key: null });
  assert.equal(answer.status, 200);
  const problems = await lintFromString({
    source: answer.text,
    absoluteRef: `${gw.url}/openapi.json`,
    config: await createConfig({ extends: ['recommended'] }),
  });
  const listed = problems.map(
    (p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`,
  );
  assert.deepEqual(listed, []);
});
