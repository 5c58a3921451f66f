// Checks shared by the React and Vue wrappers' option tests: their props against the one
// declaration of the options (element-options.ts). Each returns the problems it found, so either
// test runner can assert that there are none.
import type { ElementOption } from '@pay/protocol';

export const optionEntries = (options: object): [string, ElementOption][] =>
  Object.entries(options as Record<string, ElementOption>);

/** A prop value for every option: a sample where it has an attribute, an empty one where not. */
export function sampleProps(options: object): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, option] of optionEntries(options)) {
    if (!option.attribute) props[name] = name === 'fonts' ? [] : {};
    else props[name] = option.type === 'boolean' ? true : 'sample-value';
  }
  return props;
}

/**
 * The problems in server-rendered `html` given `sampleProps(options)`: each declared attribute
 * must be rendered under its name with the sample's value, and no property-only option may be
 * rendered as an attribute.
 */
export function renderedOptionProblems(options: object, html: string, tag: string): string[] {
  const open = new RegExp(`<${tag}([^>]*)>`).exec(html)?.[1] ?? '';
  const attributes = new Map(
    [...open.matchAll(/ ([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, value ?? '']),
  );
  const problems: string[] = [];
  for (const [name, option] of optionEntries(options)) {
    if (!option.attribute) {
      if ([...attributes.keys()].some((a) => a.toLowerCase() === name.toLowerCase()))
        problems.push(`${name}: a property-only option was rendered as an attribute`);
      continue;
    }
    const expected = option.type === 'boolean' ? '' : 'sample-value';
    const got = attributes.get(option.attribute);
    if (got !== expected) problems.push(`${name}: ${option.attribute}="${got}", not "${expected}"`);
  }
  return problems;
}

/** Each `/** … *\/` doc comment in `source`, by the prop name that follows it. */
export function docComments(source: string): Map<string, string> {
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

/** The problems with `docs` (prop → doc comment): each option's must begin with its one-line doc. */
export function docProblems(options: object, docs: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, option] of optionEntries(options)) {
    const doc = docs.get(name);
    if (!doc) problems.push(`${name} has no doc comment`);
    else if (!doc.startsWith(option.doc))
      problems.push(`${name}: "${doc}" does not begin with "${option.doc}"`);
  }
  return problems;
}
