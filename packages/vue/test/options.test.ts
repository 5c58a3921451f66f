// The components' props against the one declaration of the options (@pay/protocol's
// element-options.ts): the same names, required as declared, each attribute rendered under its
// name, and each prop's doc comment beginning with the option's one-line doc.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createSSRApp, h, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { FIELD_OPTIONS, GROUP_OPTIONS, type ElementOption } from '@pay/protocol';
import { PayCardFields } from '../src/card-fields.js';
import { PayCardNumber } from '../src/fields.js';

const components = [
  {
    component: PayCardFields,
    options: GROUP_OPTIONS,
    tag: 'pay-card-fields',
    file: 'card-fields.ts',
  },
  { component: PayCardNumber, options: FIELD_OPTIONS, tag: 'pay-card-number', file: 'field.ts' },
] as const;

const entries = (options: object) => Object.entries(options as Record<string, ElementOption>);

/** Each `/** … *\/` doc comment in `source`, by the prop name that follows it. */
function docComments(source: string): Map<string, string> {
  const docs = new Map<string, string>();
  for (const [, body, name] of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(\w+)\??:/g)) {
    docs.set(
      name!,
      body!
        .replace(/^\s*\* ?/gm, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  return docs;
}

test('the props are the declared options, required as declared', () => {
  for (const { component, options } of components) {
    const props = component.props as Record<string, { required?: boolean }>;
    assert.deepEqual(Object.keys(props).sort(), Object.keys(options).sort());
    for (const [name, option] of entries(options)) {
      assert.equal(Boolean(props[name]?.required), Boolean(option.required), name);
    }
  }
});

test('every declared attribute is rendered under its name; property-only options are not', async () => {
  for (const { component, options, tag } of components) {
    const props: Record<string, unknown> = {};
    for (const [name, option] of entries(options)) {
      if (!option.attribute) props[name] = name === 'fonts' ? [] : {};
      else props[name] = option.type === 'boolean' ? true : 'sample-value';
    }
    const html = await renderToString(
      createSSRApp({ render: () => h(component as Component, props) }),
    );
    const open = new RegExp(`<${tag}([^>]*)>`).exec(html)?.[1] ?? '';
    const attributes = new Map(
      [...open.matchAll(/ ([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [
        name!,
        value ?? '',
      ]),
    );
    for (const [name, option] of entries(options)) {
      if (!option.attribute) {
        assert.ok(
          ![...attributes.keys()].some((a) => a.toLowerCase() === name.toLowerCase()),
          name,
        );
        continue;
      }
      assert.equal(
        attributes.get(option.attribute),
        option.type === 'boolean' ? '' : 'sample-value',
        name,
      );
    }
  }
});

test("each prop's doc comment begins with the option's one-line doc", () => {
  for (const { options, file } of components) {
    const docs = docComments(readFileSync(new URL(`../src/${file}`, import.meta.url), 'utf8'));
    for (const [name, option] of entries(options)) {
      const doc = docs.get(name);
      assert.ok(doc, `${name} has no doc comment in ${file}`);
      assert.ok(
        doc.startsWith(option.doc),
        `${name}: "${doc}" does not begin with "${option.doc}"`,
      );
    }
  }
});
