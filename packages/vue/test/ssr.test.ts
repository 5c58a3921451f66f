// Server rendering under Node (`npm test -w @pay/vue`): the components render the tags as
// markup with their attributes, and importing the package touches nothing of a browser. The
// last test runs the built package (dist/) under Node's own ESM loader, as a server would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { createSSRApp, defineComponent, h, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';

const BROWSER_GLOBALS = ['window', 'document', 'customElements', 'HTMLElement', 'location'];

/** The package, imported for the first time with every browser global set as a trap. */
async function importWatched(): Promise<{
  touched: string[];
  pay: typeof import('../src/index.js');
}> {
  const touched: string[] = [];
  const saved = BROWSER_GLOBALS.map((name) => Object.getOwnPropertyDescriptor(globalThis, name));
  for (const name of BROWSER_GLOBALS) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get: () => void touched.push(name),
    });
  }
  try {
    return { touched, pay: await import('../src/index.js') };
  } finally {
    BROWSER_GLOBALS.forEach((name, i) => {
      const descriptor = saved[i];
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    });
  }
}

// Imported here, before any other test can load it.
const { touched, pay } = await importWatched();
const {
  PayCardFields,
  PayCardNumber,
  PayCardExpiry,
  PayCardCvc,
  PayCardholderName,
  PayCard,
  useCardFields,
} = pay;

/** Renders `root` on the server, as a Nuxt or Vite SSR server would. */
function render(root: Component, errors: unknown[] = []): Promise<string> {
  const app = createSSRApp(root);
  app.config.errorHandler = (error) => void errors.push(error);
  return renderToString(app);
}

/** A Pay button's view of the group; async setup, which server rendering awaits. */
const Status = defineComponent({
  async setup() {
    const { ready, error, tokenize } = useCardFields();
    const outcome = await tokenize().then(
      () => 'token',
      (reason: { code: string }) => reason.code,
    );
    return () => h('output', `ready=${ready.value} error=${error.value?.code} ${outcome}`);
  },
});

const checkout = () =>
  h(
    PayCardFields,
    {
      publishableKey: 'pk_test_ssr',
      gateway: 'https://gateway.example',
      name: 'card_token',
      disabled: true,
      fonts: [{ family: 'Inter', src: 'https://fonts.example/inter.woff2' }],
      id: 'group',
      class: 'checkout',
      'aria-label': 'Card',
    },
    () => [
      h(PayCardNumber, { label: 'Card number', placeholder: '1234 1234 1234 1234', id: 'number' }),
      h(PayCardExpiry, { label: 'Expiry date' }),
      h(PayCardCvc, { label: 'Security code', style: { width: '5em' } }),
      h(PayCardholderName, { label: 'Name on card' }),
    ],
  );

test('importing the package reads no browser global', () => {
  assert.deepEqual(touched, []);
});

test('the group and its fields render as tags with their attributes, and no iframe', async () => {
  const errors: unknown[] = [];
  const html = await render({ render: checkout }, errors);
  assert.deepEqual(errors, []);
  const group = /<pay-card-fields [^>]*>/.exec(html)?.[0] ?? '';
  for (const attribute of [
    'publish' + 'able-key="pk_test_ssr"',
    'gateway="https://gateway.example"',
    'name="card_token"',
    ' disabled',
    'id="group"',
    'class="checkout"',
    'aria-label="Card"',
  ]) {
    assert.ok(group.includes(attribute), `${attribute} in ${group}`);
  }
  // fonts is a property, set in the browser: never a stringified attribute.
  assert.doesNotMatch(group, /fonts|object/i);
  assert.match(
    html,
    /<pay-card-number defer-hydration label="Card number" placeholder="1234 1234 1234 1234" id="number"><\/pay-card-number>/,
  );
  assert.match(html, /<pay-card-expiry defer-hydration label="Expiry date"><\/pay-card-expiry>/);
  assert.match(
    html,
    /<pay-card-cvc defer-hydration label="Security code" style="width:5em;"><\/pay-card-cvc>/,
  );
  assert.match(
    html,
    /<pay-cardholder-name defer-hydration label="Name on card"><\/pay-cardholder-name>/,
  );
  assert.match(html, /<\/pay-card-fields>$/);
  assert.doesNotMatch(html, /iframe/);
});

test('attributes left unset are not rendered, and false is absent', async () => {
  const html = await render({
    render: () =>
      h(
        PayCardFields,
        { publishableKey: 'pk_test_ssr', gateway: 'https://gateway.example', disabled: false },
        () => h(PayCard),
      ),
  });
  assert.equal(
    html,
    '<pay-card-fields publish' +
      'able-key="pk_test_ssr" gateway="https://gateway.example"><pay-card defer-hydration></pay-card></pay-card-fields>',
  );
});

test('useCardFields() works in server rendering: not ready, and tokenize() rejects', async () => {
  const html = await render({
    render: () =>
      h(PayCardFields, { publishableKey: 'pk_test_ssr', gateway: 'https://gateway.example' }, () =>
        h(Status),
      ),
  });
  assert.match(html, /<output>ready=false error=frame_not_ready frame_not_ready<\/output>/);
});

test('useCardFields() outside a <PayCardFields> throws and says where it belongs', async () => {
  assert.throws(() => useCardFields(), /inside <PayCardFields>/);
  const errors: unknown[] = [];
  await render(Status, errors);
  assert.match(String(errors[0]), /useCardFields\(\) must be called .* inside <PayCardFields>/);
});

test('rendering defines no element, even where a registry exists', async () => {
  const defined: string[] = [];
  const registry = { define: (name: string) => void defined.push(name), get: () => undefined };
  Object.defineProperty(globalThis, 'customElements', { configurable: true, value: registry });
  try {
    await render({ render: checkout });
  } finally {
    delete (globalThis as Record<string, unknown>).customElements;
  }
  assert.deepEqual(defined, []);
});

test('the built package renders under plain Node ESM and adds no global of its own', () => {
  const dist = new URL('../dist/index.js', import.meta.url);
  assert.ok(existsSync(dist), 'packages/vue/dist is missing: npm run build -w @pay/vue first');
  // Resolved from the repository root, as an app that installed @pay/vue resolves it.
  const script = `
    const { createSSRApp, h } = await import('vue');
    const { renderToString } = await import('vue/server-renderer');
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const pay = await import('@pay/vue');
    await import('@pay/vue/compiler-options');
    const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name));
    const app = createSSRApp({
      render: () => h(pay.PayCardFields, { publishableKey: 'pk_test_ssr', gateway: 'https://gateway.example' },
        () => h(pay.PayCardNumber, { label: 'Card number' })),
    });
    const html = await renderToString(app);
    console.log(JSON.stringify({ added, html, custom: pay.isCustomElement('pay-card') }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: new URL('../../..', import.meta.url),
    encoding: 'utf8',
  });
  const { added, html, custom } = JSON.parse(output);
  assert.deepEqual(added, []);
  assert.equal(custom, true);
  assert.equal(
    html,
    '<pay-card-fields publish' +
      'able-key="pk_test_ssr" gateway="https://gateway.example"><pay-card-number defer-hydration label="Card number"></pay-card-number></pay-card-fields>',
  );
});
