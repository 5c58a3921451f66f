// `node scripts/install-test.mjs` (in `npm test`, after the build): @pay/host as a merchant's
// app gets it. `npm pack`s packages/host, installs the tarball offline into an empty app in a
// temp dir (no monorepo beside it: the package must depend on nothing), then checks that it
// imports under Node (the `node` condition), that its browser entry defines nothing until
// define(), and that its types, with the React, Vue, Svelte, Solid and Preact typings, type-check
// usage files and reject misspelt tags, attributes, properties, events and event details (tsc;
// svelte-check for .svelte files).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const temp = mkdtempSync(path.join(tmpdir(), 'pay-install-'));
const app = path.join(temp, 'app');
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(
      `FAIL ${name}\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}${error.message}`,
    );
  }
}

const run = (command, args, cwd = app) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

/** Type-checks `files` of the app; returns tsc's output, throwing when `ok` is not met. */
function typecheck(files, ok) {
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], {
    cwd: app,
    encoding: 'utf8',
  });
  if ((result.status === 0) !== ok) {
    throw new Error(`tsc ${ok ? 'failed' : 'passed'} on ${files.join(', ')}:\n${result.stdout}`);
  }
  return result.stdout;
}

function tsconfig(files) {
  writeFileSync(
    path.join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        // The package's own .d.ts files are checked too; the peers' are theirs to keep.
        skipLibCheck: false,
        types: [],
      },
      files,
    }),
  );
}

/**
 * Misspelt .tsx files of a JSX framework: `bad-<framework>-<what>.tsx`, each an element in
 * `cases`, plus a misspelt tag and a misspelt attribute. (TypeScript lets any hyphenated JSX
 * name through, declared or not, as it does data-*: the props types catch an attribute in an
 * object, and a misspelt event's handler is left untyped, which strict mode rejects.)
 */
function jsxMisspelt(framework, jsxImportSource, cases) {
  const Props = `PayCardFields${framework[0].toUpperCase()}${framework.slice(1)}Props`;
  const all = {
    tag: `<pay-card-nmber />`,
    attribute: `<pay-card-fields {...props} />`,
    ...cases,
  };
  return Object.fromEntries(
    Object.entries(all).map(([what, jsx]) => [
      `bad-${framework}-${what}.tsx`,
      `/** @jsxImportSource ${jsxImportSource} */\n` +
        `import type { ${Props} } from '@pay/host/${framework}';\n` +
        (what === 'attribute'
          ? `const props: ${Props} = { 'publishable-kye': 'pk_test_1' };\n`
          : '') +
        `export const A = () => ${jsx};\n`,
    ]),
  );
}

try {
  const [{ filename }] = JSON.parse(
    run('npm', ['pack', '-w', '@pay/host', '--json', '--pack-destination', temp], root),
  );
  const tarball = path.join(temp, filename);
  mkdirSync(app);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }),
  );

  check('npm install <tarball> offline, into an empty app', () => {
    run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  });
  // The app's own React and Vue, as an app that uses them has them (types only).
  mkdirSync(path.join(app, 'node_modules/@types'), { recursive: true });
  symlinkSync(
    path.join(root, 'node_modules/@types/react'),
    path.join(app, 'node_modules/@types/react'),
  );
  symlinkSync(path.join(root, 'node_modules/vue'), path.join(app, 'node_modules/vue'));
  // ...and their own Svelte, Solid and Preact (Solid's JSX types are in @solidjs/web).
  for (const name of ['svelte', 'svelte-check', 'preact', 'solid-js', '@solidjs/web']) {
    mkdirSync(path.dirname(path.join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(path.join(root, 'node_modules', name), path.join(app, 'node_modules', name));
  }

  check("node: await import('@pay/host') and '@pay/host/define' (the node condition)", () => {
    run(process.execPath, [
      '--input-type=module',
      '-e',
      `const pay = await import('@pay/host');
       await import('@pay/host/define');
       pay.define();
       const names = Object.keys(pay).sort().join();
       const want = 'PayCardCvcElement,PayCardElement,PayCardExpiryElement,PayCardFieldsElement,PayCardNumberElement,PayCardholderNameElement,PayError,PayFieldElement,define,handleNextAction';
       if (names !== want) throw new Error('exports: ' + names);
       if (new pay.PayError('network_error', 'x').code !== 'network_error') throw new Error('PayError');`,
    ]);
  });

  check('browser entry: importing defines nothing; define() registers six tags, once', () => {
    run(process.execPath, [
      '--input-type=module',
      '-e',
      `const defined = new Map();
       globalThis.HTMLElement = class {};
       globalThis.customElements = {
         get: (name) => defined.get(name),
         define: (name, c) => { if (defined.has(name)) throw new Error('twice: ' + name); defined.set(name, c); },
       };
       const pay = await import('./node_modules/@pay/host/dist/index.js');
       if (defined.size) throw new Error('defined on import: ' + [...defined.keys()]);
       pay.define();
       pay.define();
       await import('./node_modules/@pay/host/dist/define.js');
       if (defined.size !== 6) throw new Error('defined: ' + [...defined.keys()]);
       if (defined.get('pay-card-fields') !== pay.PayCardFieldsElement) throw new Error('another class');`,
    ]);
  });

  writeFileSync(
    path.join(app, 'usage.ts'),
    `import { define, handleNextAction, PayCardFieldsElement, PayError } from '@pay/host';
import type {
  PayChangeDetail,
  TokenResult,
  FieldKind,
  NextActionResult,
  Payment,
  PaymentStatus,
} from '@pay/host';
import '@pay/host/define';

define();
const group: PayCardFieldsElement | null = document.querySelector('pay-card-fields');
group?.addEventListener('pay-change', (event) => {
  const detail: PayChangeDetail = event.detail;
  const field: FieldKind = detail.field;
  console.log(field, detail.complete, detail.error?.code);
});
export async function pay(): Promise<string | undefined> {
  try {
    const result: TokenResult = await group!.tokenize({ cardholderName: 'Jane Doe' });
    const next: NextActionResult = await handleNextAction({ id: 'pay_1', status: 'completed' });
    const status: PaymentStatus = next.status;
    const payment: Pick<Payment, 'id' | 'status'> = { id: next.payment_id, status };
    console.log(payment, result.card.last4);
    return result.token;
  } catch (error) {
    if (error instanceof PayError) console.log(error.code);
  }
}
export const number = document.createElement('pay-card-number');
number.placeholder = '1234 1234 1234 1234';
`,
  );
  writeFileSync(
    path.join(app, 'react-usage.tsx'),
    `import type {} from '@pay/host/react';
import type { PayCardFieldsElement } from '@pay/host';

export function Checkout({ group }: { group: { current: PayCardFieldsElement | null } }) {
  return (
    <pay-card-fields
      publishable-key="pk_test_1"
      gateway="https://gateway.example"
      ref={group}
      onpay-change={(event) => console.log(event.detail.field, event.detail.complete)}
      onpay-ready={(event) => console.log(event.detail.fields.length)}
      onpay-error={(event) => console.log(event.detail.code)}
    >
      <pay-card-number label="Card number" onpay-focus={(event) => event.detail.field} />
      <pay-card-expiry />
      <pay-card-cvc placeholder="CVC" />
      <pay-cardholder-name />
      <pay-card />
    </pay-card-fields>
  );
}
export const Fonts = () => <pay-card-fields publishableKey="pk_test_1" fonts={[]} disabled />;
`,
  );
  writeFileSync(
    path.join(app, 'vue-usage.ts'),
    `import type {} from '@pay/host/vue';
import type { GlobalComponents } from 'vue';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
export const group: Props<'pay-card-fields'> = {
  publishableKey: 'pk_test_1',
  gateway: 'https://gateway.example',
  onPayChange: (event) => console.log(event.detail.field, event.detail.complete),
  onPayReady: (event) => console.log(event.detail.fields),
};
export const number: Props<'pay-card-number'> = { label: 'Card number', onPayFocus: (e) => e.detail.field };
`,
  );
  // Solid and Preact files name their JSX runtime with the pragma, as a tsconfig's
  // jsxImportSource would, so that one tsc run checks every framework.
  writeFileSync(
    path.join(app, 'solid-usage.tsx'),
    `/** @jsxImportSource @solidjs/web */
import type {} from '@pay/host/solid';
import type { CardBrand, PayCardFieldsElement } from '@pay/host';

export function Checkout(props: { onBrand: (brand: CardBrand | undefined) => void }) {
  let group: PayCardFieldsElement | undefined;
  return (
    <pay-card-fields
      publishable-key="pk_test_1"
      gateway="https://gateway.example"
      auto-advance
      prop:fonts={[]}
      ref={(element) => (group = element)}
      onPay-change={(event) => props.onBrand(event.detail.brand)}
      onPay-ready={(event) => console.log(event.detail.fields.length, group?.publishableKey)}
      onPay-error={(event) => console.log(event.detail.code, event.currentTarget.gateway)}
    >
      <pay-card-number label="Card number" onPay-focus={(event) => event.detail.field} />
      <pay-card-expiry />
      <pay-card-cvc placeholder="CVC" />
      <pay-cardholder-name />
      <pay-card />
    </pay-card-fields>
  );
}
`,
  );
  writeFileSync(
    path.join(app, 'preact-usage.tsx'),
    `/** @jsxImportSource preact */
import type {} from '@pay/host/preact';
import type { PayCardFieldsElement } from '@pay/host';
import type { RefObject } from 'preact';

export function Checkout({ group }: { group: RefObject<PayCardFieldsElement> }) {
  return (
    <pay-card-fields
      publishable-key="pk_test_1"
      gateway="https://gateway.example"
      ref={group}
      fonts={[]}
      onpay-change={(event) => console.log(event.detail.field, event.detail.complete)}
      onpay-ready={(event) => console.log(event.detail.fields.length)}
      onpay-error={(event) => console.log(event.detail.code)}
    >
      <pay-card-number label="Card number" onpay-focus={(event) => event.detail.field} />
      <pay-card-expiry />
      <pay-card-cvc placeholder="CVC" />
      <pay-cardholder-name />
      <pay-card />
    </pay-card-fields>
  );
}
export const Property = () => <pay-card-fields publishableKey="pk_test_1" disabled />;
`,
  );
  const usages = [
    'usage.ts',
    'react-usage.tsx',
    'vue-usage.ts',
    'solid-usage.tsx',
    'preact-usage.tsx',
  ];
  check('tsc: types, React, Vue, Solid and Preact typings over usage files', () => {
    tsconfig(usages);
    typecheck(usages, true);
  });

  // One file each, checked in one tsc run: every file must have its own error. (A hyphenated
  // JSX attribute that no type declares, \`<pay-card-fields publishable-kye>\`, is not an
  // error to TypeScript, which lets every such name through as it does data-*: a misspelt
  // attribute is caught in a typed props object, and a misspelt property in JSX.)
  const misspelt = {
    'bad-react-attribute.tsx': `import type { PayCardFieldsProps } from '@pay/host/react';\nconst props: PayCardFieldsProps = { 'publishable-kye': 'pk_test_1' };\nexport const A = () => <pay-card-fields {...props} />;\n`,
    'bad-react-property.tsx': `import type {} from '@pay/host/react';\nexport const A = () => <pay-card-fields publishableKye="pk_test_1" />;\n`,
    'bad-react-event.tsx': `import type {} from '@pay/host/react';\nexport const A = () => <pay-card-number onpay-change={(e) => e.detail.fields} />;\n`,
    'bad-react-tag.tsx': `import type {} from '@pay/host/react';\nexport const A = () => <pay-card-field />;\n`,
    'bad-vue-property.ts': `import type {} from '@pay/host/vue';\nimport type { GlobalComponents } from 'vue';\nexport const p: InstanceType<GlobalComponents['pay-card-fields']>['$props'] = { 'publishable-kye': 'pk_test_1', publishableKye: 'pk_test_1' };\n`,
    'bad-element-property.ts': `import '@pay/host';\ndocument.createElement('pay-card-fields').publishableKye = 'pk_test_1';\n`,
    ...jsxMisspelt('solid', '@solidjs/web', {
      property: `<pay-card-fields prop:publishableKye="pk_test_1" />`,
      camel: `<pay-card-fields publishableKey="pk_test_1" />`,
      event: `<pay-card-number onPay-chnge={(e) => e.detail} />`,
      detail: `<pay-card-number onPay-change={(e) => e.detail.brnd} />`,
    }),
    ...jsxMisspelt('preact', 'preact', {
      property: `<pay-card-fields publishableKye="pk_test_1" />`,
      event: `<pay-card-number onpay-chnge={(e) => e.detail} />`,
      detail: `<pay-card-number onpay-change={(e) => e.detail.brnd} />`,
    }),
  };
  const EXPECTED = {
    'bad-react-attribute.tsx': /'publishable-kye'' does not exist in type 'PayCardFieldsProps'/,
    'bad-react-property.tsx': /'publishableKye' does not exist/,
    'bad-react-event.tsx': /'fields' does not exist on type 'PayChangeDetail'/,
    'bad-react-tag.tsx': /'pay-card-field' does not exist on type 'JSX.IntrinsicElements'/,
    'bad-vue-property.ts': /'publishable-kye'' does not exist/,
    'bad-element-property.ts': /'publishableKye' does not exist on type 'PayCardFieldsElement'/,
    'bad-solid-tag.tsx': /'pay-card-nmber' does not exist on type 'JSX.IntrinsicElements'/,
    'bad-solid-attribute.tsx':
      /'publishable-kye'' does not exist in type 'PayCardFieldsSolidProps'/,
    'bad-solid-property.tsx': /'prop:publishableKye' does not exist/,
    // Solid 2 writes a plain name as an attribute: the property needs prop:.
    'bad-solid-camel.tsx': /Property 'publishableKey' does not exist/,
    // A misspelt hyphenated name is not checked (see above), but its handler is left untyped.
    'bad-solid-event.tsx': /Parameter 'e' implicitly has an 'any' type/,
    'bad-solid-detail.tsx': /'brnd' does not exist on type 'PayChangeDetail'/,
    'bad-preact-tag.tsx': /'pay-card-nmber' does not exist on type 'JSX.IntrinsicElements'/,
    'bad-preact-attribute.tsx':
      /'publishable-kye'' does not exist in type 'PayCardFieldsPreactProps'/,
    'bad-preact-property.tsx': /'publishableKye' does not exist/,
    'bad-preact-event.tsx': /Parameter 'e' implicitly has an 'any' type/,
    'bad-preact-detail.tsx': /'brnd' does not exist on type 'PayChangeDetail'/,
  };
  for (const [file, text] of Object.entries(misspelt)) writeFileSync(path.join(app, file), text);
  tsconfig(Object.keys(misspelt));
  let output = '';
  check('tsc fails on the misspelt files', () => {
    output = typecheck(Object.keys(misspelt), false);
  });
  for (const file of Object.keys(misspelt)) {
    check(`tsc rejects ${file}: ${EXPECTED[file].source}`, () => {
      // An error and its indented lines, of this file.
      const errors = output.split(/\n(?=\S)/).filter((error) => error.startsWith(`${file}(`));
      if (!errors.some((error) => EXPECTED[file].test(error))) {
        throw new Error(`no error of its own:\n${output}`);
      }
    });
  }

  // Svelte 5: svelte-check over .svelte files, typed usage and one misspelling a file.
  const svelteDir = path.join(app, 'svelte');
  mkdirSync(svelteDir);
  const svelteFiles = {
    'Typed.svelte': [
      `<script lang="ts">
  import type {} from '@pay/host/svelte';
  import type { CardBrand, PayCardFieldsElement } from '@pay/host';

  let group: PayCardFieldsElement | undefined = $state();
  let brand: CardBrand | undefined = $state();
</script>

<pay-card-fields
  bind:this={group}
  publishable-key="pk_test_1"
  gateway="https://gateway.example"
  auto-advance
  fonts={[]}
  onpay-change={(event) => (brand = event.detail.brand)}
  onpay-ready={(event) => console.log(event.detail.fields.length, event.currentTarget.publishableKey)}
  onpay-error={(event) => console.log(event.detail.code, group?.gateway)}
>
  <pay-card-number label="Card number" onpay-focus={(event) => event.detail.field}></pay-card-number>
  <pay-card-expiry placeholder="MM / YY"></pay-card-expiry>
  <pay-card-cvc></pay-card-cvc>
  <pay-cardholder-name></pay-cardholder-name>
  <pay-card></pay-card>
</pay-card-fields>
<p>{brand}</p>
`,
      null,
    ],
    'BadTag.svelte': [`<pay-card-nmber label="Card number"></pay-card-nmber>`, /six pay-card tags/],
    'BadAttribute.svelte': [
      `<pay-card-fields publishable-kye="pk_test_1"></pay-card-fields>`,
      /'"publishable-kye"' does not exist in type 'HTMLAttributes<PayCardFieldsElement> & PayCardFieldsSvelteProps'/,
    ],
    'BadProperty.svelte': [
      `<pay-card-fields publishableKye="pk_test_1"></pay-card-fields>`,
      /'"publishableKye"' does not exist in type/,
    ],
    'BadEvent.svelte': [
      `<pay-card-number onpay-chnge={(e) => e.detail}></pay-card-number>`,
      /'"onpay-chnge"' does not exist in type/,
    ],
    'BadDetail.svelte': [
      `<pay-card-number onpay-change={(e) => e.detail.brnd}></pay-card-number>`,
      /'brnd' does not exist on type 'PayChangeDetail'/,
    ],
  };
  for (const [file, [text]] of Object.entries(svelteFiles)) {
    const script = `<script lang="ts">\n  import type {} from '@pay/host/svelte';\n</script>\n\n`;
    writeFileSync(path.join(svelteDir, file), text.startsWith('<script') ? text : script + text);
  }
  writeFileSync(
    path.join(svelteDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        verbatimModuleSyntax: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['*.svelte'],
    }),
  );
  // One run over all the files: a JSON diagnostic a line.
  const svelteCheck = spawnSync(
    process.execPath,
    [
      path.join(app, 'node_modules/svelte-check/bin/svelte-check'),
      '--tsconfig',
      './tsconfig.json',
      '--output',
      'machine-verbose',
      '--fail-on-warnings',
    ],
    { cwd: svelteDir, encoding: 'utf8' },
  );
  const diagnostics = svelteCheck.stdout
    .split('\n')
    .map((line) => line.replace(/^\d+ /, ''))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  check('svelte-check: the Svelte typings over a typed .svelte file', () => {
    // Nothing but the misspellings: not in Typed.svelte, nor in the typings themselves.
    const own = diagnostics.filter((d) => !/^Bad\w+\.svelte$/.test(d.filename));
    if (own.length || !/COMPLETED/.test(svelteCheck.stdout)) {
      throw new Error(`svelte-check:\n${svelteCheck.stdout}${svelteCheck.stderr}`);
    }
  });
  for (const [file, [, expected]] of Object.entries(svelteFiles)) {
    if (!expected) continue;
    check(`svelte-check rejects ${file}: ${expected.source}`, () => {
      const own = diagnostics.filter((d) => d.filename === file && d.type === 'ERROR');
      if (!own.some((d) => expected.test(d.message))) {
        throw new Error(`no error of its own:\n${svelteCheck.stdout}`);
      }
    });
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

console.log(`install test: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
