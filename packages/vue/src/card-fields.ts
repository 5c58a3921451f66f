import {
  defineComponent,
  h,
  provide,
  readonly,
  shallowRef,
  type PropType,
  type SlotsType,
  type VNode,
} from 'vue';
import {
  handleNextAction,
  PayError,
  type FontSource,
  type Messages,
  type PayCardFieldsElement,
  type PayErrorInfo,
  type PayGroupEventMap,
  type Theme,
  type TokenizeOptions,
  type TokenResult,
} from '@pay/host';
import { attributes } from './attributes.js';
import { cardFieldsKey } from './context.js';
import { defineElements } from './define-elements.js';
import { fieldEventListeners, groupEmits } from './events.js';

/**
 * What a rejection says, as plain data. Read by shape, not `instanceof PayError`: with pay.js
 * also on the page, the elements (and their errors) may come from its copy of the SDK.
 */
function errorInfo(error: unknown): PayErrorInfo {
  const { code, message } = (error ?? {}) as Partial<PayErrorInfo>;
  if (typeof code === 'string' && typeof message === 'string') return { code, message };
  return { code: 'api_error', message: error instanceof Error ? error.message : String(error) };
}

/**
 * `<pay-card-fields>`: the group that holds the key and the gateway and tokenizes the card its
 * fields hold. Put the field components (and anything that calls `useCardFields()`) in its
 * default slot.
 */
export const PayCardFields = defineComponent({
  name: 'PayCardFields',
  // Each prop's doc begins with the option's one-line doc in @pay/protocol's element-options.ts;
  // test/options.test.ts checks the names and the docs against it.
  props: {
    /** The merchant's publishable key, `pk_test_…` or `pk_live_…`. */
    publishableKey: { type: String, required: true },
    /**
     * The gateway's URL; a copy of the SDK bundled into the app must set it. Required: this
     * package bundles it (without it: `missing_gateway`).
     */
    gateway: { type: String, required: true },
    /** The form field the token goes into when the group is in a `<form>`. Default `card_token`. */
    name: String,
    /** Disables the inputs in the frames, as a disabled `<fieldset>` or form does. */
    disabled: Boolean,
    /** Web fonts for the frames: `[{ family, src: 'https://…' }]`. */
    fonts: Array as PropType<FontSource[]>,
    /** The frames' language: a BCP 47 tag or `auto`. Default `auto`: the page's, then the browser's. */
    locale: String,
    /** Your own strings by key (`incomplete_number`, `cvc_placeholder`, …), in the shopper's language. */
    messages: Object as PropType<Messages>,
    /** The brands accepted (`['visa', 'mastercard']` or `'visa mastercard'`). Default: every brand. */
    acceptedBrands: [Array, String] as PropType<readonly string[] | string>,
    /** The network chosen for a co-badged card until the shopper picks (`'cartes_bancaires'`). */
    preferredNetwork: String,
    /** Moves focus to the next field once a field is complete and valid. */
    autoAdvance: Boolean,
    /** The look the frames draw: `default`, `flat`, `night`, or `none` for your own. */
    theme: String as PropType<Theme>,
  },
  emits: groupEmits,
  // Typed, so that templates that give the group children still type its events.
  slots: Object as SlotsType<{ default?: () => VNode[] }>,
  // What a template ref on the component gets: the element and tokenize(), nothing internal.
  expose: ['element', 'tokenize'],
  setup(_props, { emit }) {
    defineElements();
    const element = shallowRef<PayCardFieldsElement | null>(null);
    const ready = shallowRef(false);
    const error = shallowRef<PayErrorInfo | null>(null);

    /** Tokenizes the card; the outcome also lands in `useCardFields().error`. */
    async function tokenize(options?: TokenizeOptions): Promise<TokenResult> {
      try {
        // Before mount, and on the server, there are no frames to ask.
        if (!element.value)
          throw new PayError('frame_not_ready', 'pay: <PayCardFields> is not mounted.');
        const result = await element.value.tokenize(options);
        error.value = null;
        return result;
      } catch (reason) {
        error.value = errorInfo(reason);
        throw reason;
      }
    }

    provide(cardFieldsKey, {
      ready: readonly(ready),
      error: readonly(error),
      tokenize,
      handleNextAction,
    });

    const listeners = {
      ...fieldEventListeners(emit),
      onPayReady: (event: CustomEvent<PayGroupEventMap['pay-ready']>) => {
        // Only the group's own: a field's pay-ready does not bubble, but may be heard capturing.
        if (event.target !== event.currentTarget) return;
        ready.value = true;
        emit('ready', event.detail, event);
      },
      onPayError: (event: CustomEvent<PayGroupEventMap['pay-error']>) => {
        error.value = { code: event.detail.code, message: event.detail.message };
        emit('error', event.detail, event);
      },
    };
    return { element, tokenize, listeners };
  },
  render() {
    return h(
      'pay-card-fields',
      {
        ref: 'element',
        // Hyphenated: what the server renders and what the element reads before it is defined.
        ...attributes({
          'publishable-key': this.publishableKey,
          gateway: this.gateway,
          name: this.name,
          disabled: this.disabled,
          locale: this.locale,
          'accepted-brands': Array.isArray(this.acceptedBrands)
            ? this.acceptedBrands.join(' ')
            : (this.acceptedBrands as string | undefined),
          'preferred-network': this.preferredNetwork,
          'auto-advance': this.autoAdvance,
          theme: this.theme,
        }),
        // Properties (`.`), never stringified attributes; not rendered on the server.
        ...(this.fonts ? { '.fonts': this.fonts } : {}),
        ...(this.messages ? { '.messages': this.messages } : {}),
        ...this.listeners,
      },
      this.$slots.default?.(),
    );
  },
});
