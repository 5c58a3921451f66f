// The components' props against the one declaration of the options (@pay/protocol's
// element-options.ts): the same names, required as declared, each attribute rendered under its
// name, and each prop's doc comment beginning with the option's one-line doc.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createSSRApp, h, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { FIELD_OPTIONS, GROUP_OPTIONS } from '@pay/protocol';
import { PayCardFields } from '../src/card-fields.js';
import { PayCardNumber } from '../src/fields.js';
import {
  docComments,
  docProblems,
  optionEntries,
  renderedOptionProblems,
  sampleProps,
} from '@pay/protocol/test/wrapper-options';

const components = [
  {
    component: PayCardFields,
    options: GROUP_OPTIONS,
    tag: 'pay-card-fields',
    file: 'card-fields.ts',
  },
  { component: PayCardNumber, options: FIELD_OPTIONS, tag: 'pay-card-number', file: 'field.ts' },
] as const;

test('the props are the declared options, required as declared', () => {
  for (const { component, options } of components) {
    const props = component.props as Record<string, { required?: boolean }>;
    assert.deepEqual(Object.keys(props).sort(), Object.keys(options).sort());
    for (const [name, option] of optionEntries(options)) {
      assert.equal(Boolean(props[name]?.required), Boolean(option.required), name);
    }
  }
});

test('every declared attribute is rendered under its name; property-only options are not', async () => {
  for (const { component, options, tag } of components) {
    const props = sampleProps(options);
    const html = await renderToString(
      createSSRApp({ render: () => h(component as Component, props) }),
    );
    assert.deepEqual(renderedOptionProblems(options, html, tag), [], tag);
  }
});

test("each prop's doc comment begins with the option's one-line doc", () => {
  for (const { options, file } of components) {
    const docs = docComments(readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8'));
    assert.deepEqual(docProblems(options, docs), [], file);
  }
});
