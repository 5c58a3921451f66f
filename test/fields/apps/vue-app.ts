// The Vue components' fixture: a checkout as a merchant writes it with @pay/vue (render
// functions, bundled from the built package in Vue's development build, so Vue's warnings
// show). Records every event the components emit on `window.vueEmitted` for vue.spec.ts. In
// the browser it mounts itself, hydrating the server's markup when the page has it; under Node
// (vue.spec.ts renders it on the server) it only exports the component.
import { createApp, createSSRApp, defineComponent, h, onMounted, ref, shallowRef } from 'vue';
import {
  PayCardCvc,
  PayCardExpiry,
  PayCardFields,
  PayCardholderName,
  PayCardNumber,
  useCardFields,
} from '@pay/vue';

export interface Emitted {
  /** Which component emitted: `group` or the field's id. */
  on: string;
  name: string;
  detail: unknown;
  /** The type of the event given as the second argument. */
  event: string;
}

declare global {
  interface Window {
    vueEmitted: Emitted[];
    /** The group's template ref: what the component exposes to its parent. */
    vueGroup: { value: unknown };
  }
}

/** A field's events; the group has these and `error`. */
const FIELD_EVENTS = ['ready', 'change', 'focus', 'blur', 'submit'];

/** `onReady`, `onChange`, ... listeners that record what they are given. */
function recorder(on: string, events = FIELD_EVENTS) {
  const listen = (name: string) => (detail: unknown, event: Event) =>
    window.vueEmitted.push({ on, name, detail, event: event?.type });
  return Object.fromEntries(
    events.map((name) => [`on${name[0]!.toUpperCase()}${name.slice(1)}`, listen(name)]),
  );
}

/** The Pay button: a child of the group that reaches it through useCardFields(). */
const PayButton = defineComponent({
  setup() {
    const { ready, error, tokenize } = useCardFields();
    const token = ref('');
    const pay = () =>
      tokenize().then(
        (result) => (token.value = result.token),
        () => (token.value = ''),
      );
    return () =>
      h('p', [
        h('button', { id: 'pay', type: 'button', disabled: !ready.value, onClick: pay }, 'Pay'),
        h('output', { id: 'ready' }, String(ready.value)),
        h('output', { id: 'token' }, token.value),
        h('output', { id: 'error' }, error.value?.code ?? ''),
      ]);
  },
});

export const Checkout = defineComponent({
  props: {
    gateway: { type: String, required: true },
    publishableKey: { type: String, required: true },
    /** Whether the group is there at first (`#toggle` unmounts and mounts it, as v-if). */
    mounted: { type: Boolean, default: true },
  },
  setup(props) {
    const mounted = ref(props.mounted);
    const numberLabel = ref('Card number');
    const groupRef = shallowRef(null);
    onMounted(() => (window.vueGroup = groupRef));
    const field = (component: typeof PayCardNumber, id: string, label: string) =>
      h(component, { id, label, class: 'field', ...recorder(id) });
    return () =>
      h('main', [
        h(
          'button',
          { id: 'toggle', type: 'button', onClick: () => (mounted.value = !mounted.value) },
          mounted.value ? 'Unmount' : 'Mount',
        ),
        h(
          'button',
          {
            id: 'relabel',
            type: 'button',
            onClick: () => (numberLabel.value = 'Long card number'),
          },
          'Relabel',
        ),
        mounted.value
          ? h(
              PayCardFields,
              {
                ref: groupRef,
                id: 'group',
                class: 'checkout-group',
                publishableKey: props.publishableKey,
                gateway: props.gateway,
                // http: the frames drop it, so nothing is fetched; the element keeps it.
                fonts: [{ family: 'Plain', src: 'http://fonts.example/plain.woff2' }],
                ...recorder('group', [...FIELD_EVENTS, 'error']),
              },
              () => [
                field(PayCardNumber, 'number', numberLabel.value),
                field(PayCardExpiry, 'expiry', 'Expiry date'),
                field(PayCardCvc, 'cvc', 'Security code'),
                field(PayCardholderName, 'name', 'Name on card'),
                h(PayButton),
              ],
            )
          : null,
      ]);
  },
});

if (typeof document !== 'undefined') {
  window.vueEmitted = [];
  const root = document.getElementById('app')!;
  const props = {
    gateway: root.dataset.gateway!,
    publishableKey: root.dataset.key!,
    mounted: new URLSearchParams(location.search).get('mounted') !== 'no',
  };
  (root.firstElementChild ? createSSRApp : createApp)(Checkout, props).mount(root);
}
