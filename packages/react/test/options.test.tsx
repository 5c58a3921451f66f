// The wrapper's props against the one declaration of the options (@pay/protocol's
// element-options.ts): the same names, each attribute rendered under its name, and each prop's
// doc comment beginning with the option's one-line doc.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { renderToString } from 'react-dom/server';
import {
  FIELD_OPTIONS,
  GROUP_OPTIONS,
  type ElementOption,
  type FieldOptionName,
  type GroupOptionName,
} from '@pay/protocol';
import {
  CardFieldsElement,
  CardNumber,
  type FieldOwnProps,
  type GroupOwnProps,
} from '../src/fields.js';

/** `true` when `A` and `B` are the same union; anything else fails `tsc -b`. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const groupProps: Same<keyof GroupOwnProps, GroupOptionName> = true;
const fieldProps: Same<keyof FieldOwnProps, FieldOptionName> = true;

/** A value of the option's type, and what its attribute then reads. */
function sample(option: ElementOption): { value: unknown; attribute: string } {
  if (option.type === 'boolean') return { value: true, attribute: '' };
  return { value: 'sample-value', attribute: 'sample-value' };
}

function renderedAttributes(html: string, tag: string): Map<string, string> {
  const open = new RegExp(`<${tag}([^>]*)>`).exec(html)?.[1] ?? '';
  return new Map(
    [...open.matchAll(/ ([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!]),
  );
}

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

test('the props are the declared options, by the same names', () => {
  assert.equal(groupProps, true);
  assert.equal(fieldProps, true);
});

test('every declared attribute is rendered under its name; property-only options are not', () => {
  for (const [options, render, tag] of [
    [
      GROUP_OPTIONS,
      (props: object) => <CardFieldsElement {...(props as GroupOwnProps)} />,
      'pay-card-fields',
    ],
    [FIELD_OPTIONS, (props: object) => <CardNumber {...props} />, 'pay-card-number'],
  ] as const) {
    const props: Record<string, unknown> = {};
    for (const [name, option] of Object.entries(options as Record<string, ElementOption>)) {
      if (option.attribute) props[name] = sample(option).value;
      else props[name] = name === 'fonts' ? [] : {};
    }
    const attributes = renderedAttributes(renderToString(render(props)), tag);
    for (const [name, option] of Object.entries(options as Record<string, ElementOption>)) {
      if (!option.attribute) {
        assert.ok(
          ![...attributes.keys()].some((a) => a.toLowerCase() === name.toLowerCase()),
          name,
        );
        continue;
      }
      assert.equal(attributes.get(option.attribute), sample(option).attribute, name);
    }
  }
});

/** The props `interface Name { … }` declares in `source`, each with its doc comment. */
function interfaceDocs(source: string, name: string): Map<string, string> {
  const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1];
  assert.ok(body, `no interface ${name}`);
  const props = [...body.matchAll(/^ {2}(\w+)\??:/gm)].map(([, prop]) => prop!);
  const docs = docComments(body);
  return new Map(props.map((prop) => [prop, docs.get(prop) ?? '']));
}

test("each prop is a declared option, its doc comment beginning with the option's one-line doc", () => {
  // What `tsc -b` checks above, also at run time: a built project can be stale for it.
  const source = readFileSync(new URL('../src/fields.ts', import.meta.url), 'utf8');
  for (const [name, options] of [
    ['GroupOwnProps', GROUP_OPTIONS],
    ['FieldOwnProps', FIELD_OPTIONS],
  ] as const) {
    const docs = interfaceDocs(source, name);
    assert.deepEqual([...docs.keys()].sort(), Object.keys(options).sort(), name);
    for (const [prop, option] of Object.entries(options as Record<string, ElementOption>)) {
      const doc = docs.get(prop)!;
      assert.ok(
        doc.startsWith(option.doc),
        `${prop}: "${doc}" does not begin with "${option.doc}"`,
      );
    }
  }
});
