// The lists /openapi.json documents are @pay/protocol's, the ones the frame and the SDK compile
// against: an enum written again in a route schema, and then changed on one side, fails here.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CARD_BRANDS } from '@pay/protocol/card-brands';
import { API_ERROR_CODES, API_ERROR_TYPES } from '@pay/protocol/error-codes';
import { CAPTURE_METHODS, PAYMENT_STATUSES } from '@pay/protocol/payment-status';
import { startGateway, type Gateway } from './harness.js';

type Schema = { properties: Record<string, Schema>; enum?: unknown[] };
type Operation = { requestBody?: Body; responses: Record<string, Body> };
type Body = { content: Record<string, { schema: Schema }> };

let gw: Gateway;
let paths: Record<string, Record<string, Operation>>;
before(async () => {
  gw = await startGateway();
  const answer = await gw.api<{ paths: typeof paths }>('GET', '/openapi.json', { key: null });
  paths = answer.body.paths;
});
after(async () => {
  await gw.close();
});

const json = (body: Body | undefined): Schema => body!.content['application/json']!.schema;

it('the token answer names the protocol brands', () => {
  const answer = json(paths['/v1/tokens']!.post!.responses['201']);
  assert.deepEqual(answer.properties.card!.properties.brand!.enum, [...CARD_BRANDS]);
});

it('payments name the protocol statuses and capture methods', () => {
  const payment = json(paths['/v1/payments/{id}']!.get!.responses['200']);
  assert.deepEqual(payment.properties.status!.enum, [...PAYMENT_STATUSES]);
  assert.deepEqual(payment.properties.capture_method!.enum, [...CAPTURE_METHODS]);
  const body = json(paths['/v1/payments']!.post!.requestBody);
  assert.deepEqual(body.properties.capture_method!.enum, [...CAPTURE_METHODS]);
});

it('the error body names the protocol codes and types', () => {
  const error = json(paths['/v1/tokens']!.post!.responses['4XX']).properties.error!;
  assert.deepEqual(error.properties.code!.enum, [...API_ERROR_CODES]);
  assert.deepEqual(error.properties.type!.enum, [...API_ERROR_TYPES]);
});
