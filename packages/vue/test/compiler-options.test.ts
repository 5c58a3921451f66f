// compilerOptions as @vitejs/plugin-vue hands it to Vue's template compiler.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileTemplate } from 'vue/compiler-sfc';
import { compilerOptions, isCustomElement } from '../src/compiler-options.js';

const TEMPLATE = `
  <pay-card-fields publishable-key="pk_test_x" @pay-ready="onReady">
    <pay-card-number label="Card number" />
    <pay-card />
  </pay-card-fields>`;

const compile = (options?: typeof compilerOptions) =>
  compileTemplate({
    source: TEMPLATE,
    filename: 'Checkout.vue',
    id: 'x',
    compilerOptions: options,
  });

test('the six tags, and only they, are custom elements', () => {
  for (const tag of ['pay-card-fields', 'pay-card-number', 'pay-card-expiry', 'pay-card-cvc']) {
    assert.equal(isCustomElement(tag), true, tag);
  }
  assert.equal(isCustomElement('pay-cardholder-name'), true);
  assert.equal(isCustomElement('pay-card'), true);
  for (const tag of ['pay-button', 'PayCardFields', 'my-element', 'div']) {
    assert.equal(isCustomElement(tag), false, tag);
  }
});

test('with compilerOptions the template renders the tags as elements', () => {
  const { code, errors } = compile(compilerOptions);
  assert.deepEqual(errors, []);
  assert.doesNotMatch(code, /resolveComponent/);
  assert.match(code, /"pay-card-fields"/);
  // Without, Vue looks for components of those names (and warns in the browser).
  assert.match(compile().code, /resolveComponent\("pay-card-fields"\)/);
});
