// Compile-time checks of the public types (`npm run typecheck -w @pay/vue`); never run.
import vue from '@vitejs/plugin-vue';
import { createApp, h, type GlobalComponents } from 'vue';
import type { PayCardFieldsElement, PayCardNumberElement } from '@pay/host';
import {
  compilerOptions,
  PayCardFields,
  PayCardNumber,
  payPlugin,
  type TokenResult,
} from '../src/index.js';

declare const group: InstanceType<typeof PayCardFields>;
declare const number: InstanceType<typeof PayCardNumber>;

// A template ref sees the exposed members, typed.
group.element satisfies PayCardFieldsElement | null;
group.tokenize({ cardholderName: 'Jane Doe' }) satisfies Promise<TokenResult>;
number.element satisfies PayCardNumberElement | null;
// ...and nothing internal.
// @ts-expect-error the listeners are not exposed
void group.listeners;
// @ts-expect-error a field has no tokenize()
void number.tokenize;

// Props and the events' (detail, event) are typed.
h(PayCardFields, {
  publishableKey: 'pk_test_x',
  gateway: 'https://gateway.example',
  fonts: [{ family: 'Inter', src: 'https://fonts.example/inter.woff2' }],
  onReady: (detail, event) => {
    detail.fields satisfies string[];
    event satisfies CustomEvent;
  },
  onError: (detail) => detail.code satisfies string,
  onChange: (detail) => detail.brand satisfies string | undefined,
});
h(PayCardNumber, {
  label: 'Card number',
  onReady: (detail) => detail.field satisfies string,
  onFocus: (detail) => detail.field satisfies string,
});
// @ts-expect-error fonts is an array
h(PayCardFields, { publishableKey: 'pk_test_x', fonts: 'Inter' });

// compilerOptions fits @vitejs/plugin-vue; the plugin's GlobalComponents type the templates.
vue({ template: { compilerOptions } });
const app = createApp({}).use(payPlugin);
void app;
type Registered = GlobalComponents['PayCardFields'];
null as unknown as Registered satisfies typeof PayCardFields;
