/**
 * For apps that write the raw `<pay-*>` tags in their templates rather than the components:
 * Vue's template compiler must treat them as custom elements, not try to resolve them as Vue
 * components (and warn that it cannot). In vite.config.ts:
 *
 * ```ts
 * import vue from '@vitejs/plugin-vue';
 * import { compilerOptions } from '@pay/vue/compiler-options';
 *
 * export default { plugins: [vue({ template: { compilerOptions } })] };
 * ```
 *
 * This module imports nothing (not even vue), so a build config loads it cheaply under Node.
 */

const TAGS: ReadonlySet<string> = new Set([
  'pay-card-fields',
  'pay-card-number',
  'pay-card-expiry',
  'pay-card-cvc',
  'pay-cardholder-name',
  'pay-card',
]);

/** True for the six `<pay-*>` tags, and only for them: other custom elements are the app's. */
export function isCustomElement(tag: string): boolean {
  return TAGS.has(tag);
}

/** Vue's `compilerOptions`, ready to pass to `@vitejs/plugin-vue` (`template.compilerOptions`). */
export const compilerOptions = { isCustomElement };
