// `node scripts/vite-app-test.mjs` (in `npm run test:install`): the React and Vue wrappers as a
// merchant meets them. Packs @pay/host, @pay/react and @pay/vue, installs the tarballs with
// React, Vue and Vite from the registry into an empty app in a temp dir, builds the app of
// scripts/fresh-app/ (a React page, a Vue page with single-file components) with Vite, serves it
// on its own origin beside a real gateway, and takes a token in each page in Chromium. Also
// type-checks wrapper usage, where misspelt props and event details must fail. Prints how long
// it took from `npm install` to the first token.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startGateway as startGatewayProcess } from '../test/harness/gateway-process.ts';

const root = path.resolve(import.meta.dirname, '..');
const temp = mkdtempSync(path.join(tmpdir(), 'pay-vite-app-'));
const app = path.join(temp, 'app');
const results = { passed: 0, failed: 0 };
const timings = {};

async function check(name, fn) {
  try {
    await fn();
    results.passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    results.failed++;
    console.log(
      `FAIL ${name}\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}${error.message}`,
    );
  }
}

const run = (command, args, cwd = app) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

/** The version range the monorepo itself uses, so the npm cache mostly has it. */
function rangeOf(name) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return `${name}@${pkg.devDependencies[name]}`;
}

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(server.address().port)),
  );
}

/** app/dist on its own origin, as a merchant's static host serves it. */
async function serveDist() {
  const dist = path.join(app, 'dist');
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer((request, response) => {
    if (request.url === '/favicon.ico') return response.writeHead(204).end();
    const file = path.join(dist, path.normalize(new URL(request.url, 'http://x').pathname));
    try {
      const body = readFileSync(file.startsWith(dist) ? file : dist);
      response.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
}

/** A real gateway on localhost (another origin than the app's), seeded with pk_test_fields. */
async function startGateway() {
  const gateway = await startGatewayProcess({
    env: {
      PAY_SEED_PUBLISHABLE_KEY: 'pk_test_fields',
      PAY_SEED_SECRET_KEY: 'sk_test_fields',
      PAY_TOKEN_RATE_LIMIT: '100000',
    },
  });
  return { url: gateway.url, stop: () => gateway.stop() };
}

/** Types a test card into the page's fields and takes a token with the page's Pay button. */
async function payIn(page, url) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.locator('#pay:enabled').waitFor();
  for (const [field, text] of [
    ['number', '4242424242424242'],
    ['expiry', '1234'],
    ['cvc', '123'],
  ]) {
    const input = page.frameLocator(`#${field} > iframe`).locator(`input#${field}`);
    await input.click();
    await input.pressSequentially(text);
  }
  await page.locator('#brand', { hasText: 'visa' }).waitFor();
  await page.click('#pay');
  await page.locator('#token', { hasText: /^tok_/ }).waitFor();
  if (problems.length) throw new Error(`console errors: ${problems.join('\n')}`);
}

const stops = [];
try {
  const tarballs = JSON.parse(
    run(
      'npm',
      [
        'pack',
        '-w',
        '@pay/host',
        '-w',
        '@pay/react',
        '-w',
        '@pay/vue',
        '--json',
        '--pack-destination',
        temp,
      ],
      root,
    ),
  ).map(({ filename }) => path.join(temp, filename));
  cpSync(path.join(root, 'scripts/fresh-app'), app, { recursive: true });
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }),
  );
  const started = performance.now();

  await check('npm install the three tarballs with React, Vue and Vite', () => {
    const frameworks = [
      'react',
      'react-dom',
      'vue',
      'vite',
      '@vitejs/plugin-vue',
      '@types/react',
      '@types/react-dom',
      'vue-tsc',
    ].map(rangeOf);
    run('npm', [
      'install',
      ...tarballs,
      ...frameworks,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
    ]);
    const installed = JSON.parse(run('npm', ['ls', '--json', '--depth=0'])).dependencies;
    for (const name of ['@pay/host', '@pay/react', '@pay/vue']) {
      if (!installed[name]?.resolved?.startsWith('file:'))
        throw new Error(`${name} not from its tarball`);
    }
    // One @pay/host: the wrappers' dependency is the tarball's copy, not a second one.
    const copies = run('npm', ['ls', '@pay/host', '--parseable', '--all']).trim().split('\n');
    if (copies.length !== 1) throw new Error(`@pay/host installed ${copies.length} times`);
  });
  timings.install = performance.now() - started;

  await check('vite build: a React page and a Vue page (single-file components)', () => {
    run(process.execPath, ['node_modules/vite/bin/vite.js', 'build']);
  });
  timings.build = performance.now() - started - timings.install;

  await check(
    'Vue templates: the raw <pay-*> tags compile as custom elements, not components',
    () => {
      const assets = path.join(app, 'dist/assets');
      const code = readdirSync(assets)
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(path.join(assets, file), 'utf8'))
        .join('\n');
      if (!/(createElementVNode|createBaseVNode)\("pay-card-fields"/.test(code)) {
        throw new Error('the raw tags are not in the build');
      }
      if (/resolveComponent\("pay-/.test(code))
        throw new Error('a raw tag resolved as a component');
    },
  );

  const gateway = await startGateway();
  stops.push(gateway.stop);
  const site = await serveDist();
  stops.push(site.stop);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  stops.push(() => browser.close());
  const query = `?gateway=${encodeURIComponent(gateway.url)}`;

  await check(
    'React page: fields ready, onChange brand, useCardFields().tokenize() gives a token',
    async () => {
      await payIn(await browser.newPage(), `${site.url}/react.html${query}`);
      timings.firstToken = performance.now() - started;
    },
  );
  await check('Vue page: the same through the plugin, @change and useCardFields()', async () => {
    const page = await browser.newPage();
    await payIn(page, `${site.url}/vue.html${query}`);
    // The raw tags' group, beside the components', has its own frame.
    await page.frameLocator('#raw-number > iframe').locator('input').waitFor();
  });

  // Types: a usage file that must pass, and misspelt files that must each fail on their line.
  writeFileSync(
    path.join(app, 'usage.tsx'),
    `import { CardFields, CardNumber, useCardFields, type CardFieldsState } from '@pay/react';
import { PayCardFields, PayCardNumber, useCardFields as useVueFields } from '@pay/vue';
import type { PayChangeDetail } from '@pay/vue';
import { h } from 'vue';

export function Pay() {
  const state: CardFieldsState = useCardFields();
  return <button disabled={!state.ready} onClick={() => state.tokenize({ cardholderName: 'J' })} />;
}
export const Checkout = () => (
  <CardFields publishableKey="pk_test_1" gateway="https://gw.example" onReady={(d) => d.fields.length} onError={(e) => e.code}>
    <CardNumber label="Card number" onChange={(detail, event) => [detail.brand, event.detail.complete]} />
  </CardFields>
);
export const vueCheckout = () =>
  h(PayCardFields, { publishableKey: 'pk_test_1', gateway: 'https://gw.example' }, () => [
    h(PayCardNumber, { label: 'Card number', onChange: (d: PayChangeDetail) => d.brand }),
  ]);
export const vueState = () => useVueFields().ready.value;
`,
  );
  const misspelt = {
    'bad-react-prop.tsx': [
      `import { CardFields } from '@pay/react';\nexport const A = () => <CardFields publishableKye="pk_test_1" gateway="x" />;\n`,
      /Property 'publishableKye' does not exist/,
    ],
    'bad-react-missing.tsx': [
      `import { CardFields } from '@pay/react';\nexport const A = () => <CardFields publishableKey="pk_test_1" />;\n`,
      /Property 'gateway' is missing/,
    ],
    'bad-react-event.tsx': [
      `import { CardNumber } from '@pay/react';\nexport const A = () => <CardNumber onChange={(d) => d.fields} />;\n`,
      /'fields' does not exist on type 'PayChangeDetail'/,
    ],
    'bad-vue-prop.ts': [
      `import { PayCardFields } from '@pay/vue';\nexport const p: InstanceType<typeof PayCardFields>['$props'] = { publishableKey: 'pk_test_1', gateway: 'x', publishableKye: 'pk' };\n`,
      /'publishableKye' does not exist/,
    ],
  };
  for (const [file, [text]] of Object.entries(misspelt)) writeFileSync(path.join(app, file), text);
  /** tsc over `files` with a merchant's strict settings; the packages' own .d.ts checked too. */
  const tsc = (files) => {
    const compilerOptions = {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      types: [],
    };
    writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
    const compiler = path.join(root, 'node_modules/typescript/bin/tsc');
    return spawnSync(process.execPath, [compiler, '-p', 'tsconfig.json'], {
      cwd: app,
      encoding: 'utf8',
    });
  };
  await check('tsc: the wrappers typed usage passes', () => {
    const result = tsc(['usage.tsx']);
    if (result.status !== 0) throw new Error(result.stdout);
  });
  const output = tsc(Object.keys(misspelt)).stdout;
  for (const [file, [, expected]] of Object.entries(misspelt)) {
    await check(`tsc rejects ${file}: ${expected.source}`, () => {
      const errors = output.split(/\n(?=\S)/).filter((error) => error.startsWith(`${file}(`));
      if (!errors.some((error) => expected.test(error)))
        throw new Error(`no error of its own:\n${output}`);
    });
  }

  // Vue templates, through vue-tsc with strictTemplates (the settings packages/vue/README.md
  // recommends): typed usage passes; a misspelt prop (camelCase or bound), a misspelt event, a
  // missing required prop and a wrong event detail each fail. (A static
  // hyphenated attribute no prop declares, `publishable-kye="…"`, is taken for an HTML attribute
  // by vue-tsc, as by TypeScript in JSX.)
  const badVue = {
    'BadProp.vue': [
      `<template><PayCardNumber lable="Card number" /></template>\n`,
      /'lable' does not exist/,
    ],
    'BadBound.vue': [
      `<template><PayCardFields :publishableKye="'pk'" publishable-key="pk" gateway="g" /></template>\n`,
      /'publishableKye' does not exist/,
    ],
    'BadEventName.vue': [
      `<template><PayCardNumber label="Card number" @eror="() => undefined" /></template>\n`,
      /'onEror' does not exist/,
    ],
    'BadGroupEventName.vue': [
      `<script setup lang="ts"></script>\n<template><PayCardFields publishable-key="pk" gateway="g" @eror="() => undefined"><span /></PayCardFields></template>\n`,
      /'onEror' does not exist/,
    ],
    'BadMissing.vue': [
      `<template><PayCardFields publishable-key="pk_test_1" /></template>\n`,
      /Property 'gateway' is missing/,
    ],
    'BadEvent.vue': [
      `<script setup lang="ts"></script>\n<template><PayCardFields publishable-key="pk" gateway="g" @ready="(detail) => detail.field"><span /></PayCardFields></template>\n`,
      /'field' does not exist on type 'PayGroupReadyDetail'/,
    ],
  };
  for (const [file, [text]] of Object.entries(badVue)) {
    writeFileSync(path.join(app, 'typed', file), text);
  }
  const vueTsc = (files) => {
    writeFileSync(
      path.join(app, 'typed/tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM'],
          strict: true,
          noEmit: true,
          types: [],
        },
        vueCompilerOptions: { strictTemplates: true },
        files: ['globals.ts', ...files],
      }),
    );
    writeFileSync(path.join(app, 'typed/globals.ts'), "import type {} from '@pay/vue';\n");
    const bin = path.join(app, 'node_modules/vue-tsc/bin/vue-tsc.js');
    return spawnSync(process.execPath, [bin, '-p', 'tsconfig.json'], {
      cwd: path.join(app, 'typed'),
      encoding: 'utf8',
    });
  };
  await check('vue-tsc (strictTemplates): the wrappers typed in templates', () => {
    const result = vueTsc(['Typed.vue']);
    if (result.status !== 0) throw new Error(result.stdout);
  });
  const vueOutput = vueTsc(Object.keys(badVue)).stdout;
  for (const [file, [, expected]] of Object.entries(badVue)) {
    await check(`vue-tsc rejects ${file}: ${expected.source}`, () => {
      const errors = vueOutput.split(/\n(?=\S)/).filter((error) => error.startsWith(`${file}(`));
      if (!errors.some((error) => expected.test(error))) {
        throw new Error(`no error of its own:\n${vueOutput}`);
      }
    });
  }
} finally {
  for (const stop of stops.reverse()) await stop();
  if (!process.env.KEEP_APP) rmSync(temp, { recursive: true, force: true });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
if (timings.firstToken) {
  console.log(
    `fresh Vite app: npm install ${seconds(timings.install)}, vite build ${seconds(timings.build)}, first token ${seconds(timings.firstToken)} after npm install began`,
  );
}
console.log(`vite app test: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
