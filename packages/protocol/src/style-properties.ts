/**
 * The `--pay-*` custom properties a merchant may set on a field. Only the names: the host reads
 * these and sends them; the frame checks each value's shape (style-allowlist.ts), because it
 * trusts nothing the host page sends.
 */
export const STYLE_PROPERTIES = [
  '--pay-color',
  '--pay-background',
  '--pay-placeholder-color',
  '--pay-invalid-color',
  '--pay-caret-color',
  '--pay-focus-color',
  '--pay-border-color',
  '--pay-border-radius',
  '--pay-font-family',
  '--pay-font-size',
  '--pay-font-weight',
  '--pay-font-style',
  '--pay-letter-spacing',
  '--pay-line-height',
  '--pay-padding',
] as const;

export type StyleProperty = (typeof STYLE_PROPERTIES)[number];
export type FrameStyles = Partial<Record<StyleProperty, string>>;
