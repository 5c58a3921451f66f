import { defineComponent, h, onMounted, shallowRef, type ShallowRef } from 'vue';
import type {
  PayCardCvcElement,
  PayCardElement,
  PayCardExpiryElement,
  PayCardholderNameElement,
  PayCardNumberElement,
  PayFieldEventMap,
} from '@pay/host';
import { attributes } from './attributes.js';
import { defineElements } from './define-elements.js';
import { fieldEmits, fieldEventListeners } from './events.js';

/** The field tags and their element classes. */
export interface FieldElements {
  'pay-card-number': PayCardNumberElement;
  'pay-card-expiry': PayCardExpiryElement;
  'pay-card-cvc': PayCardCvcElement;
  'pay-cardholder-name': PayCardholderNameElement;
  'pay-card': PayCardElement;
}

/**
 * A field component: renders its `<pay-card-*>` tag (one gateway iframe, added by the element
 * in the browser) and relays its events. Goes inside `<PayCardFields>`.
 */
export function defineField<Tag extends keyof FieldElements>(name: string, tag: Tag) {
  return defineComponent({
    name,
    // Each prop's doc is the option's one-line doc in @pay/protocol's element-options.ts;
    // test/options.test.ts checks the names and the docs against it.
    props: {
      /** The input's accessible name and the iframe's title. */
      label: String,
      /** The input's placeholder. */
      placeholder: String,
    },
    emits: fieldEmits,
    expose: ['element'],
    setup(_props, { emit }) {
      defineElements();
      const element: ShallowRef<FieldElements[Tag] | null> = shallowRef(null);
      // Rendered with defer-hydration, taken off once mounted: the field makes its iframe only
      // then, after hydration has matched the server's markup (which has no iframe).
      onMounted(() => element.value?.removeAttribute('defer-hydration'));
      const listeners = {
        ...fieldEventListeners(emit),
        onPayReady: (event: CustomEvent<PayFieldEventMap['pay-ready']>) =>
          emit('ready', event.detail, event),
      };
      return { element, listeners };
    },
    render() {
      return h(tag, {
        ref: 'element',
        'defer-hydration': '',
        ...attributes({ label: this.label, placeholder: this.placeholder }),
        ...this.listeners,
      });
    },
  });
}
