import { hasInjectionContext, inject } from 'vue';
import { cardFieldsKey, type CardFieldsContext } from './context.js';

/**
 * The enclosing `<PayCardFields>`: its readiness, its last error and `tokenize()`. Call it in
 * the setup of a component rendered inside the group (a Pay button, a summary).
 */
export function useCardFields(): CardFieldsContext {
  // Checked first: outside setup, inject() would only warn and return nothing.
  const context = hasInjectionContext() ? inject(cardFieldsKey, null) : null;
  if (!context) {
    throw new Error(
      'pay: useCardFields() must be called in the setup of a component rendered inside <PayCardFields>.',
    );
  }
  return context;
}
