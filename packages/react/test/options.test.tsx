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
  type FieldOptionName,
  type GroupOptionName,
} from '@pay/protocol';
import {
  CardFieldsElement,
  CardNumber,
  type FieldOwnProps,
  type GroupOwnProps,
} from '../src/fields.js';
import {
  docComments,
  docProblems,
  renderedOptionProblems,
  sampleProps,
} from '@pay/protocol/test/wrapper-options';

/** `true` when `A` and `B` are the same union; anything else fails `tsc -b`. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const groupProps: Same<keyof GroupOwnProps, GroupOptionName> = true;
const fieldProps: Same<keyof FieldOwnProps, FieldOptionName> = true;

test('the props are the declared options, by the same names', () => {
  assert.equal(groupProps, true);
  assert.equal(fieldProps, true);
});

test('every declared attribute is rendered under its name; property-only options are not', () => {
  const group = sampleProps(GROUP_OPTIONS) as unknown as GroupOwnProps;
  const field = sampleProps(FIELD_OPTIONS) as unknown as FieldOwnProps;
  assert.deepEqual(
    renderedOptionProblems(
      GROUP_OPTIONS,
      renderToString(<CardFieldsElement {...group} />),
      'pay-card-fields',
    ),
    [],
  );
  assert.deepEqual(
    renderedOptionProblems(
      FIELD_OPTIONS,
      renderToString(<CardNumber {...field} />),
      'pay-card-number',
    ),
    [],
  );
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
    assert.deepEqual(docProblems(options, docs), [], name);
  }
});
