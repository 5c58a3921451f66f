'use client';
import type {
  FontSource,
  Messages,
  PayCardCvcElement,
  PayCardElement,
  PayCardExpiryElement,
  PayCardFieldsElement,
  PayCardholderNameElement,
  PayCardNumberElement,
  PayFieldEventMap,
  PayGroupEventMap,
  Theme,
} from '@pay/host';
import { payComponent, type ElementProps } from './pay-component.js';

/** The events every field sends, as `onX` props: each is given the event's detail, then the event. */
export interface FieldEvents {
  /** The field shows as it will stay (its words, styles and fonts in place), connected: `pay-ready`. */
  onReady: PayFieldEventMap['pay-ready'];
  /** The field's state changed: `{ field, empty, complete, valid, brand?, error? }`, never its value. */
  onChange: PayFieldEventMap['pay-change'];
  onFocus: PayFieldEventMap['pay-focus'];
  onBlur: PayFieldEventMap['pay-blur'];
  /** Enter in the field; `event.preventDefault()` keeps the form from submitting. */
  onSubmit: PayFieldEventMap['pay-submit'];
}

/** The group's events: its own `onReady` and `onError`, and every field's others. */
export interface GroupEvents extends Omit<FieldEvents, 'onReady'> {
  /** Every field of the group is ready: `{ fields }`, their kinds in order. */
  onReady: PayGroupEventMap['pay-ready'];
  /** A setup problem (missing key or gateway, wrong key) or a failed form submit. */
  onError: PayGroupEventMap['pay-error'];
}

// Each prop's doc begins with the option's one-line doc in @pay/protocol's element-options.ts;
// test/options.test.tsx checks the names and the docs against it.
export interface FieldOwnProps {
  /** The input's accessible name and the iframe's title. */
  label?: string;
  /** The input's placeholder. */
  placeholder?: string;
}

export interface GroupOwnProps {
  /** The merchant's publishable key, `pk_test_…` or `pk_live_…`. */
  publishableKey: string;
  /** The gateway's URL; a copy of the SDK bundled into the app must set it. Required: this package bundles it. */
  gateway: string;
  /** The form field the token goes into when the group is in a `<form>`. Default `card_token`. */
  name?: string;
  /** Disables the inputs in the frames, as a disabled `<fieldset>` or form does. */
  disabled?: boolean;
  /** Web fonts for the frames: `[{ family, src: 'https://…' }]`. */
  fonts?: FontSource[];
  /** The frames' language: a BCP 47 tag or `auto`. Default `auto`: the page's, then the browser's. */
  locale?: string;
  /** Your own strings by key (`incomplete_number`, `cvc_placeholder`, …), in the shopper's language. */
  messages?: Messages;
  /** The brands accepted (`['visa', 'mastercard']` or `'visa mastercard'`). Default: every brand. */
  acceptedBrands?: readonly string[] | string;
  /** The network chosen for a co-badged card until the shopper picks (`'cartes_bancaires'`). */
  preferredNetwork?: string;
  /** Moves focus to the next field once a field is complete and valid. */
  autoAdvance?: boolean;
  /** The look the frames draw: `default`, `flat`, `night`, or `none` for your own. */
  theme?: Theme;
}

export type FieldProps<E extends HTMLElement> = FieldOwnProps & ElementProps<E, FieldEvents>;
export type GroupElementProps = GroupOwnProps & ElementProps<PayCardFieldsElement, GroupEvents>;

const FIELD_EVENTS: { [Prop in keyof FieldEvents]: keyof PayFieldEventMap } = {
  onReady: 'pay-ready',
  onChange: 'pay-change',
  onFocus: 'pay-focus',
  onBlur: 'pay-blur',
  onSubmit: 'pay-submit',
};

function field<E extends HTMLElement>(tag: string) {
  return payComponent<E, FieldOwnProps, FieldEvents>({
    tag,
    attributes: { label: 'label', placeholder: 'placeholder' },
    events: FIELD_EVENTS,
    deferHydration: true,
  });
}

/** `<pay-card-number>`: the card number in its own gateway frame; it detects the brand. */
export const CardNumber = field<PayCardNumberElement>('pay-card-number');
/** `<pay-card-expiry>`: the expiry date (MM / YY). */
export const CardExpiry = field<PayCardExpiryElement>('pay-card-expiry');
/** `<pay-card-cvc>`: the security code; its length follows the number's brand. */
export const CardCvc = field<PayCardCvcElement>('pay-card-cvc');
/** `<pay-cardholder-name>`: the name on the card. */
export const CardholderName = field<PayCardholderNameElement>('pay-cardholder-name');
/** `<pay-card>`: number, expiry, CVC and name in one frame. */
export const Card = field<PayCardElement>('pay-card');

/** `<pay-card-fields>` itself, without the context `CardFields` provides. */
export const CardFieldsElement = payComponent<PayCardFieldsElement, GroupOwnProps, GroupEvents>({
  tag: 'pay-card-fields',
  attributes: {
    publishableKey: 'publishable-key',
    gateway: 'gateway',
    name: 'name',
    disabled: 'disabled',
    locale: 'locale',
    // An array becomes "visa,mastercard": the element reads commas as it reads spaces.
    acceptedBrands: 'accepted-brands',
    preferredNetwork: 'preferred-network',
    autoAdvance: 'auto-advance',
    theme: 'theme',
  },
  properties: ['fonts', 'messages'],
  events: { ...FIELD_EVENTS, onReady: 'pay-ready', onError: 'pay-error' },
  children: true,
});
