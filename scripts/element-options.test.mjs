// The merchant guide and the elements' `@attr` tags (the custom elements manifest and the JSX
// typings are made from them) against the one declaration of the options,
// packages/protocol/src/element-options.ts: every option has its row in the guide's tables, with
// its attribute, type, default and one-line doc, and every attribute its `@attr` tag; nothing
// more in either. Run with tsx (`npm run lint:options`), which loads the TypeScript declaration.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FIELD_OPTIONS, GROUP_OPTIONS } from '../packages/protocol/src/element-options.ts';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const guide = read('packages/host/README.md');

/** The guide's table whose header begins with `first`: its rows, each a list of cells. */
function table(markdown, first) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${first} `));
  assert.notEqual(start, -1, `no table "${first}" in the guide`);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim().replace(/\\\|/g, '|')),
    );
  }
  return rows;
}

/** The row the declaration gives an option. */
function row(name, option) {
  return [
    `\`${name}\``,
    option.attribute ? `\`${option.attribute}\`` : '(property only)',
    `\`${option.type}\``,
    option.default,
    option.doc,
  ];
}

/** The attributes a class's doc comment names with `@attr`. */
function attrTags(source) {
  return [...source.matchAll(/^ \* @attr ([\w-]+)/gm)].map(([, name]) => name);
}

const attributes = (options) =>
  Object.values(options)
    .map((option) => option.attribute)
    .filter(Boolean);

describe("the guide's option tables", () => {
  for (const [title, options] of [
    ['group property', GROUP_OPTIONS],
    ['field property', FIELD_OPTIONS],
  ]) {
    it(`"${title}" has one row per declared option, as declared`, () => {
      assert.deepEqual(
        table(guide, title),
        Object.entries(options).map(([name, option]) => row(name, option)),
      );
    });
  }

  it("the group's row in the elements table lists its declared attributes", () => {
    const [[tag]] = table(guide, 'element');
    assert.equal(tag, `\`<pay-card-fields ${attributes(GROUP_OPTIONS).join(' ')}>\``);
  });
});

describe("the elements' @attr tags", () => {
  it('the group documents its declared attributes', () => {
    assert.deepEqual(
      attrTags(read('packages/host/src/card-fields-element.ts')),
      attributes(GROUP_OPTIONS),
    );
  });

  it('a field documents its declared attributes, and defer-hydration (the wrappers set it)', () => {
    assert.deepEqual(attrTags(read('packages/host/src/field-element.ts')), [
      ...attributes(FIELD_OPTIONS),
      'defer-hydration',
    ]);
  });
});
