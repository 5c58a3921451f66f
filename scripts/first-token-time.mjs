// `node scripts/first-token-time.mjs next|nuxt`: the merchant's "empty folder to first token",
// timed. With the sandbox running (`npm start`, or GATEWAY/PK set to another one), it does
// what the guide tells a merchant, in an empty temp folder: makes a Next.js App Router app
// (create-next-app) or a Nuxt app (`npm i nuxt`: create-nuxt fetches its starter from GitHub),
// adds the guide's `.npmrc` line, installs @pay/react or @pay/vue from the gateway's registry,
// writes a checkout page, starts the framework's dev server, and has Chromium type a test
// card and tokenize. It prints each step's seconds and the total. Not part of `npm test`:
// it downloads the frameworks' current versions from the public registry.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';

const framework = process.argv[2];
if (framework !== 'next' && framework !== 'nuxt') {
  console.error('usage: node scripts/first-token-time.mjs next|nuxt');
  process.exit(2);
}
const gateway = process.env.GATEWAY ?? 'http://localhost:8787';
const publishableKey = process.env.PK ?? 'pk_test_readme';
const app = path.join(mkdtempSync(path.join(tmpdir(), `first-token-${framework}-`)), 'shop');

const started = performance.now();
let lap = started;
const steps = [];
function step(name) {
  const now = performance.now();
  steps.push([name, (now - lap) / 1000]);
  console.log(`${((now - lap) / 1000).toFixed(1).padStart(6)} s  ${name}`);
  lap = now;
}
const run = (command, args, cwd = app) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const REACT_PAGE = `'use client';
import { useState } from 'react';
import { CardCvc, CardExpiry, CardFields, CardNumber, useCardFields } from '@pay/react';

function PayButton() {
  const { ready, tokenize } = useCardFields();
  const [token, setToken] = useState('');
  return (
    <>
      <button disabled={!ready} onClick={() => tokenize().then((result) => setToken(result.token))}>
        Pay
      </button>
      <output id="token">{token}</output>
    </>
  );
}

export default function Checkout() {
  return (
    <main>
      <CardFields publishableKey="${publishableKey}" gateway="${gateway}">
        <CardNumber id="number" label="Card number" />
        <CardExpiry id="expiry" label="Expiry date" />
        <CardCvc id="cvc" label="Security code" />
        <PayButton />
      </CardFields>
    </main>
  );
}
`;

const VUE_APP = `<script setup lang="ts">
import { PayCardCvc, PayCardExpiry, PayCardFields, PayCardNumber } from '@pay/vue';
import PayButton from './components/PayButton.vue';
</script>

<template>
  <main>
    <PayCardFields publishable-key="${publishableKey}" gateway="${gateway}">
      <PayCardNumber id="number" label="Card number" />
      <PayCardExpiry id="expiry" label="Expiry date" />
      <PayCardCvc id="cvc" label="Security code" />
      <PayButton />
    </PayCardFields>
  </main>
</template>
`;

const VUE_BUTTON = `<script setup lang="ts">
import { ref } from 'vue';
import { useCardFields } from '@pay/vue';

const { ready, tokenize } = useCardFields();
const token = ref('');
async function pay() {
  token.value = (await tokenize()).token;
}
</script>

<template>
  <button :disabled="!ready" @click="pay">Pay</button>
  <output id="token">{{ token }}</output>
</template>
`;

/** Starts the dev server and resolves with its URL once it answers the page. */
async function devServer(port) {
  const args =
    framework === 'next'
      ? ['next', 'dev', '--port', String(port)]
      : ['nuxt', 'dev', '--port', String(port), '--host', '127.0.0.1'];
  const child = spawn('npx', args, { cwd: app, stdio: 'ignore', detached: true });
  const url = `http://${framework === 'next' ? 'localhost' : '127.0.0.1'}:${port}/`;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

mkdirSync(app);
const health = await fetch(`${gateway}/npm/@pay%2fhost`).catch(() => null);
if (!health?.ok) {
  console.error(`No @pay registry at ${gateway}/npm/: start the sandbox first (npm start).`);
  process.exit(1);
}

if (framework === 'next') {
  run('npx', ['-y', 'create-next-app@latest', '.', '--yes', '--use-npm', '--disable-git']);
  step('create-next-app (installs next, react)');
} else {
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'shop', private: true, type: 'module' }, null, 2),
  );
  run('npm', ['install', '--no-audit', '--no-fund', 'nuxt', 'vue']);
  step('npm i nuxt vue');
}

writeFileSync(path.join(app, '.npmrc'), `@pay:registry=${gateway}/npm/\n`);
run('npm', [
  'install',
  '--no-audit',
  '--no-fund',
  framework === 'next' ? '@pay/react' : '@pay/vue',
]);
step(`npm i ${framework === 'next' ? '@pay/react' : '@pay/vue'} (the guide's .npmrc line)`);

if (framework === 'next') {
  writeFileSync(path.join(app, 'app/page.tsx'), REACT_PAGE);
} else {
  mkdirSync(path.join(app, 'app/components'), { recursive: true });
  writeFileSync(path.join(app, 'nuxt.config.ts'), 'export default defineNuxtConfig({});\n');
  writeFileSync(path.join(app, 'app/app.vue'), VUE_APP);
  writeFileSync(path.join(app, 'app/components/PayButton.vue'), VUE_BUTTON);
}
const versions = Object.fromEntries(
  [framework === 'next' ? 'next' : 'nuxt', '@pay/host'].map((name) => [
    name,
    JSON.parse(readFileSync(path.join(app, 'node_modules', name, 'package.json'), 'utf8')).version,
  ]),
);

const { url, child } = await devServer(await freePort());
step('dev server answers');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (/hydrat/i.test(message.text())) problems.push(message.text());
  });
  await page.goto(url);
  const typeInto = async (field, text) => {
    const input = page.frameLocator(`#${field} > iframe`).locator(`input#${field}`);
    await input.click({ timeout: 120_000 });
    await input.pressSequentially(text);
  };
  await typeInto('number', '4242424242424242');
  await typeInto('expiry', '12/34');
  await typeInto('cvc', '123');
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.locator('#token', { hasText: /^tok_/ }).waitFor({ timeout: 60_000 });
  step('page loaded, card typed, token shown');
  const total = (performance.now() - started) / 1000;
  console.log(`${total.toFixed(1).padStart(6)} s  empty folder to first token`);
  console.log(JSON.stringify({ framework, versions, total, steps, problems }));
} finally {
  await browser.close();
  process.kill(-child.pid);
}
