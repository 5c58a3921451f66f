// Lint: recommended JS + TypeScript rules, and no import cycles; formatting is Prettier's job.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tsbuild/**',
      '**/.data/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // A module must not reach itself through its imports: a cycle means one module runs while
    // the other is half-initialised, and the two can no longer be understood (or tested) apart.
    // The resolver reads each package's tsconfig, so `./x.js` finds x.ts and `@pay/*` the sources.
    // The rule skips `import type` (nothing is imported at runtime): a cycle of type imports
    // alone is not reported.
    plugins: { 'import-x': importX },
    settings: {
      // Which files are modules, and parsed with which parser: TypeScript's as well as JS's.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'packages/*/tsconfig.json',
            'demo/tsconfig.json',
            'bench/tsconfig.json',
            'test/*/tsconfig.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      // Skips `import type` by design; `npm run lint:cycles` (dpdm) also fails on type-only cycles.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The trust boundary in the tree: code that runs on (or is served to) the merchant page
      // never imports the gateway-origin side of the protocol or the frame app, and the page's
      // side of the protocol never reaches into the gateway's. Type imports count too: a type
      // is how a shape starts to be relied on. `scripts/lint-boundary.test.mjs` proves it.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...['packages/host', 'packages/react', 'packages/vue', 'demo'].flatMap((target) => [
              {
                target,
                from: 'packages/protocol/src/gateway',
                message:
                  'gateway-origin only: the merchant page imports @pay/protocol, never its gateway side',
              },
              {
                target,
                from: 'packages/frame',
                message:
                  'the frame app is served by the gateway, never bundled on the merchant page',
              },
            ]),
            {
              target: 'packages/protocol/src/*.ts',
              from: 'packages/protocol/src/gateway',
              message: "the page's side of the protocol must not depend on the gateway's",
            },
          ],
        },
      ],
    },
  },
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        MessageChannel: 'readonly',
      },
    },
    rules: {
      // Global maps (HTMLElementEventMap) are extended by declaration merging.
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='postMessage'] > Literal[value='*']",
          message:
            'postMessage needs an exact target origin, never "*" (rule 2 in docs/architecture.md).',
        },
      ],
    },
  },
);
