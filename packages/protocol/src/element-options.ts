/**
 * The options of the group (`<pay-card-fields>`) and of every field (`<pay-card-*>`), each
 * declared once: its property, its attribute (`null`: a property only, never stringified), its
 * type, its default and its one-line doc. The SDK does not import it (nothing of it is in
 * pay.js); tests check the elements' properties and attributes, the React and Vue props and
 * their doc comments, the elements' `@attr` tags (the JSX typings) and the option tables of
 * packages/host/README.md against it. A new option is one entry here plus its behaviour.
 */
import type { FrameConfig } from './rpc.js';

export interface ElementOption {
  /** The attribute, or `null` for a property only (an object: `fonts`, `messages`). */
  readonly attribute: string | null;
  /** The property's type as the page sets it. */
  readonly type: string;
  /** What an absent option means. */
  readonly default: string;
  /** Required by the React and Vue wrappers (the SDK bundled in the app has no default gateway). */
  readonly required?: true;
  /** Whether the field's `FrameConfig` carries it to the frame. */
  readonly frame: boolean;
  /** One line: the guide's table and the wrappers' doc comments begin with it. */
  readonly doc: string;
}

export const GROUP_OPTIONS = {
  publishableKey: {
    attribute: 'publishable-key',
    type: 'string',
    default: 'none: `missing_publishable_key`',
    required: true,
    frame: true,
    doc: "The merchant's publishable key, `pk_test_…` or `pk_live_…`.",
  },
  gateway: {
    attribute: 'gateway',
    type: 'string',
    default: "the origin of the gateway's own `/sdk/` pay.js",
    required: true,
    frame: false,
    doc: "The gateway's URL; a copy of the SDK bundled into the app must set it.",
  },
  name: {
    attribute: 'name',
    type: 'string',
    default: '`card_token`',
    frame: false,
    doc: 'The form field the token goes into when the group is in a `<form>`.',
  },
  disabled: {
    attribute: 'disabled',
    type: 'boolean',
    default: '`false`',
    frame: true,
    doc: 'Disables the inputs in the frames, as a disabled `<fieldset>` or form does.',
  },
  fonts: {
    attribute: null,
    type: 'FontSource[]',
    default: '`[]`',
    frame: true,
    doc: "Web fonts for the frames: `[{ family, src: 'https://…' }]`.",
  },
  locale: {
    attribute: 'locale',
    type: 'string',
    default: "`auto`: the page's `<html lang>`, then the browser's",
    frame: true,
    doc: "The frames' language: a BCP 47 tag or `auto`.",
  },
  messages: {
    attribute: null,
    type: 'Messages',
    default: '`{}`',
    frame: true,
    doc: "Your own strings by key (`incomplete_number`, `cvc_placeholder`, …), in the shopper's language.",
  },
  acceptedBrands: {
    attribute: 'accepted-brands',
    type: 'readonly string[] | string',
    default: 'every brand',
    frame: true,
    doc: "The brands accepted (`['visa', 'mastercard']` or `'visa mastercard'`).",
  },
  preferredNetwork: {
    attribute: 'preferred-network',
    type: 'string',
    default: 'none chosen for the shopper',
    frame: true,
    doc: "The network chosen for a co-badged card until the shopper picks (`'cartes_bancaires'`).",
  },
  autoAdvance: {
    attribute: 'auto-advance',
    type: 'boolean',
    default: '`false`',
    frame: true,
    doc: 'Moves focus to the next field once a field is complete and valid.',
  },
  theme: {
    attribute: 'theme',
    type: 'string',
    default: '`default`',
    frame: true,
    doc: 'The look the frames draw: `default`, `flat`, `night`, or `none` for your own.',
  },
} as const satisfies Record<string, ElementOption>;

export const FIELD_OPTIONS = {
  label: {
    attribute: 'label',
    type: 'string',
    default: 'the text of a `<label for>`',
    frame: true,
    doc: "The input's accessible name and the iframe's title.",
  },
  placeholder: {
    attribute: 'placeholder',
    type: 'string',
    default: 'none',
    frame: true,
    doc: "The input's placeholder.",
  },
} as const satisfies Record<string, ElementOption>;

export type GroupOptionName = keyof typeof GROUP_OPTIONS;
export type FieldOptionName = keyof typeof FIELD_OPTIONS;

type FrameOptionName<Options> = {
  [Name in keyof Options]: Options[Name] extends { frame: true } ? Name : never;
}[keyof Options];

/** Every option the declaration sends to the frame is a `FrameConfig` key, and no other is. */
type FrameOptions = FrameOptionName<typeof GROUP_OPTIONS> | FrameOptionName<typeof FIELD_OPTIONS>;
/** Keys of `FrameConfig` that are no page option: the direction comes from the locale, the styles from CSS. */
type FrameOnly = 'dir' | 'styles';
export type FrameConfigMatchesOptions = [Exclude<FrameOptions, keyof FrameConfig>] extends [never]
  ? [Exclude<keyof FrameConfig, FrameOptions | FrameOnly>] extends [never]
    ? true
    : { 'FrameConfig keys not declared': Exclude<keyof FrameConfig, FrameOptions | FrameOnly> }
  : { 'options not in FrameConfig': Exclude<FrameOptions, keyof FrameConfig> };
type Assert<Check extends true> = Check;
/** A compile error (in `tsc -b`) when the declaration and `FrameConfig` part ways. */
export type FrameConfigChecked = Assert<FrameConfigMatchesOptions>;
