/**
 * The two sides of the typed RPC between the merchant page (host SDK) and each field frame.
 * penpal's `RemoteProxy<T>` turns these into typed calls, so a misspelt method is a compile
 * error. They are `type`s, not `interface`s, because penpal's `Methods` needs an index signature.
 */
import type { CardBrand } from './card-brands.js';
import type { CardNetwork } from './card-networks.js';
import type { CardPart } from './card-parts.js';
import type { FieldChangeDetail, PayErrorInfo, TokenResult } from './fields.js';
import type { Locale, Messages, TextDirection } from './locales.js';
import type { FontSource } from './style-allowlist.js';
import type { FrameStyles } from './style-properties.js';

/** The penpal channel name of every field connection. */
export const FIELD_CHANNEL = 'pay-field';

/** Sent by the host after connecting and whenever its attributes or styles change. */
export interface FrameConfig {
  /** The input's accessible name (the field's `label` attribute or its `<label>` text). */
  label: string;
  placeholder?: string;
  /** The group's publishable key, used by the frame that calls POST /v1/tokens. */
  publishableKey?: string;
  /** Checked again in the frame: the host is not trusted to have filtered them. */
  styles?: FrameStyles;
  fonts?: FontSource[];
  disabled?: boolean;
  /** The group's locale (checked against LOCALES again in the frame). */
  locale?: Locale;
  dir?: TextDirection;
  /** The merchant's overrides of single strings (`group.messages`). */
  messages?: Messages;
  /** The group's `accepted-brands`; absent: every brand is accepted. */
  acceptedBrands?: CardBrand[];
  /** The group's `preferred-network`: chosen for a co-badged card until the shopper picks. */
  preferredNetwork?: CardNetwork;
  /** The group's `auto-advance`: the combined field moves to its next input when one is done. */
  autoAdvance?: boolean;
}

export interface TokenizeRequest {
  /** The kinds of frames the group holds; the leader waits for each of them. */
  parts: CardPart[];
  cardholderName?: string;
}

export type TokenizeOutcome =
  { ok: true; result: TokenResult } | { ok: false; error: PayErrorInfo; part?: CardPart };

/** What a field frame exposes to the host page. */
export type FrameMethods = {
  configure(config: FrameConfig): void;
  focus(part?: CardPart): void;
  blur(): void;
  clear(): void;
  tokenize(request: TokenizeRequest): Promise<TokenizeOutcome>;
};

/** What the host page exposes to a field frame. */
export type HostMethods = {
  change(detail: FieldChangeDetail): void;
  focused(): void;
  blurred(): void;
  /** Enter was pressed in the field. */
  submit(): void;
  /** The frame's content height in CSS pixels. */
  resize(height: number): void;
  /**
   * The frame's document is going away (`pagehide`): a reload, or a hostile top page
   * navigating the frame to a look-alike. The host hides the field until a fresh handshake.
   */
  unloading(): void;
  /** The field's name in the frame's language: the iframe's title when the page gives none. */
  title(text: string): void;
};
