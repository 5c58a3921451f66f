import type { Plugin } from 'vue';
import { PayCardFields } from './card-fields.js';
import { PayCard, PayCardCvc, PayCardExpiry, PayCardholderName, PayCardNumber } from './fields.js';

const components = {
  PayCardFields,
  PayCardNumber,
  PayCardExpiry,
  PayCardCvc,
  PayCardholderName,
  PayCard,
};

/** `app.use(payPlugin)`: the six components, registered globally under their names. */
export const payPlugin: Plugin = {
  install(app) {
    for (const [name, component] of Object.entries(components)) app.component(name, component);
  },
};

// Templates that use the globally registered components type-check them (Volar, vue-tsc).
declare module 'vue' {
  interface GlobalComponents {
    PayCardFields: typeof PayCardFields;
    PayCardNumber: typeof PayCardNumber;
    PayCardExpiry: typeof PayCardExpiry;
    PayCardCvc: typeof PayCardCvc;
    PayCardholderName: typeof PayCardholderName;
    PayCard: typeof PayCard;
  }
}
