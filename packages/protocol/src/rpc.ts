/**
 * The two sides of the typed RPC between the merchant page (host SDK) and each field frame,
 * over the port of the frame's hello (field-messages.ts, port-rpc.ts): a misspelt method or a
 * wrong argument is a compile error on either side. They are `type`s, not `interface`s, because
 * port-rpc's `Methods` has an index signature.
 */
import type { CardBrand } from './card-brands.js';
import type { CardNetwork } from './card-networks.js';
import type { CardPart } from './card-parts.js';
import type { FieldChangeDetail, PayErrorInfo, TokenResult } from './fields.js';
import type { FrameLook } from './field-messages.js';
import type { Locale, Messages, TextDirection } from './locales.js';
import type { FontSource } from './style-allowlist.js';
import type { FrameStyles } from './style-properties.js';
import type { Theme } from './themes.js';

/**
 * The host's configuration of a field: in the frame URL's fragment when the iframe is made (the
 * frame shows it before it speaks), then sent whenever the field's attributes or styles change.
 */
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
  /** The group's `theme`: the look the frame draws (absent: `default`). */
  theme?: Theme;
}

export interface TokenizeRequest {
  /** The kinds of frames the group holds; the leader waits for each of them. */
  parts: CardPart[];
  cardholderName?: string;
  /**
   * Per part of another frame, the values version that frame answered the host's last call
   * with: the leader takes that frame's values only from that version on, so every call the
   * page made before `tokenize()` (a `clear()` in the CVC frame) has taken effect.
   */
  after?: Partial<Record<CardPart, number>>;
}

/**
 * What every call answers once it has taken effect: the frame's values version (how many times
 * its values changed), which orders a later `tokenize()` after it.
 */
export interface CallAnswer {
  seq: number;
}

export type TokenizeOutcome =
  { ok: true; result: TokenResult } | { ok: false; error: PayErrorInfo; part?: CardPart };

/**
 * What a field frame exposes to the host page. The frame runs the calls one at a time, in the
 * order they came; each answers once it has taken effect. `configure` answers the frame's look
 * with the configuration applied (strings, styles and fonts in place).
 */
export type FrameMethods = {
  configure(config: FrameConfig): Promise<CallAnswer & { look: FrameLook }>;
  focus(part?: CardPart): Promise<CallAnswer>;
  blur(): Promise<CallAnswer>;
  clear(): Promise<CallAnswer>;
  tokenize(request: TokenizeRequest): Promise<TokenizeOutcome>;
};

/** The frame's methods by name, each once: what the frame runs of the host's calls. */
export const FRAME_METHOD_NAMES: Record<keyof FrameMethods, true> = {
  configure: true,
  focus: true,
  blur: true,
  clear: true,
  tokenize: true,
};

/** What the host page exposes to a field frame (told, never answered). */
export type HostMethods = {
  change(detail: FieldChangeDetail): void;
  focused(): void;
  blurred(): void;
  /** Enter was pressed in the field. */
  submit(): void;
  /** The frame's content height in CSS pixels. */
  resize(height: number): void;
  /** The field's name in the frame's language: the iframe's title when the page gives none. */
  title(text: string): void;
};

/** The host's methods by name, each once: what the host runs of the frame's tells. */
export const HOST_METHOD_NAMES: Record<keyof HostMethods, true> = {
  change: true,
  focused: true,
  blurred: true,
  submit: true,
  resize: true,
  title: true,
};
