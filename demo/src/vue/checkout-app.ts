// The shop's Vue checkout: @pay/vue's components and composable, paying through the same shop
// server as the other checkouts. Rendered to HTML by the shop's server and hydrated in the
// browser (main.ts). Render functions, not templates: no runtime template compiler on the page.
import { defineComponent, h, ref, type PropType } from 'vue';
import {
  PayCardCvc,
  PayCardExpiry,
  PayCardFields,
  PayCardholderName,
  PayCardNumber,
  useCardFields,
  type CardBrand,
  type PayChangeDetail,
  type PayErrorInfo,
} from '@pay/vue';
import { customerMessage, tokenizeFailureMessage } from '../customer-messages.js';
import { payOrder } from '../browser/shop-api.js';
import type { CheckoutSettings } from '../checkout-settings.js';

const BRAND_NAMES: Partial<Record<CardBrand, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

const settingsProp = { type: Object as PropType<CheckoutSettings>, required: true } as const;

const PayButton = defineComponent({
  name: 'PayButton',
  props: { settings: settingsProp },
  setup(props, { expose }) {
    const { ready, tokenize, handleNextAction } = useCardFields();
    const busy = ref(false);
    const message = ref('');

    async function pay() {
      if (busy.value) return; // one attempt at a time: a double click never sends a second token
      busy.value = true;
      message.value = '';
      let token: string;
      try {
        token = (await tokenize()).token;
      } catch (err) {
        busy.value = false;
        message.value = tokenizeFailureMessage((err as { code?: string }).code);
        return;
      }
      const { orderId, threeDS } = props.settings;
      const step = await payOrder(orderId, token, threeDS, handleNextAction);
      if ('leave' in step) return location.assign(step.leave); // stays busy while the page goes
      busy.value = false;
      message.value = step.message;
    }
    expose({ pay });

    return () => [
      h('div', { class: 'alert', role: 'alert', id: 'pay-message', hidden: !message.value }, [
        message.value,
      ]),
      h(
        'button',
        {
          class: ['button', 'pay-button', { 'is-busy': busy.value }],
          type: 'button',
          id: 'pay-button',
          disabled: !ready.value || busy.value,
          'aria-busy': String(busy.value),
          onClick: () => void pay(),
        },
        [
          h('span', { class: 'spinner', 'aria-hidden': 'true' }),
          h('span', { class: 'label' }, busy.value ? 'Processing…' : props.settings.label),
        ],
      ),
    ];
  },
});

export const CheckoutApp = defineComponent({
  name: 'CheckoutApp',
  props: { settings: settingsProp },
  setup(props) {
    const brand = ref<CardBrand | undefined>();
    const ready = ref(false);
    const setupError = ref('');
    const button = ref<{ pay(): Promise<void> } | null>(null);
    const field = (id: string, text: string, input: ReturnType<typeof h>) =>
      h('div', { class: 'field' }, [h('label', { for: id }, text), input]);

    return () =>
      h('div', { class: ['pay-form', { 'is-loading': !ready.value }], id: 'checkout-form' }, [
        h(
          PayCardFields,
          {
            id: 'card-group',
            publishableKey: props.settings.publishableKey,
            gateway: props.settings.gateway,
            // The shop draws the fields' boxes (.pay-field in shop.css).
            theme: 'none',
            onReady: () => (ready.value = true),
            onError: (detail: PayErrorInfo) => (setupError.value = customerMessage(detail.code)),
            // Enter in a field pays, as a form's submit would.
            onSubmit: (_detail: unknown, event: Event) => {
              event.preventDefault();
              void button.value?.pay();
            },
          },
          () => [
            h('div', { class: 'field' }, [
              h('label', { for: 'card-number' }, [
                'Card number ',
                h(
                  'span',
                  { class: 'muted small', id: 'card-brand' },
                  brand.value ? (BRAND_NAMES[brand.value] ?? '') : '',
                ),
              ]),
              h(PayCardNumber, {
                id: 'card-number',
                class: 'pay-field',
                label: 'Card number',
                onChange: (detail: PayChangeDetail) => (brand.value = detail.brand),
              }),
            ]),
            h('div', { class: 'field-row' }, [
              field(
                'card-expiry',
                'Expiry',
                h(PayCardExpiry, { id: 'card-expiry', class: 'pay-field', label: 'Expiry date' }),
              ),
              field(
                'card-cvc',
                'CVC',
                h(PayCardCvc, { id: 'card-cvc', class: 'pay-field', label: 'Security code' }),
              ),
            ]),
            field(
              'card-name',
              'Name on card',
              h(PayCardholderName, { id: 'card-name', class: 'pay-field', label: 'Name on card' }),
            ),
            setupError.value ? h('p', { class: 'alert' }, setupError.value) : null,
            h(PayButton, { settings: props.settings, ref: button }),
          ],
        ),
      ]);
  },
});
