/**
 * Text styling that may cross into the frame: `--pay-*` custom properties read on the host
 * element, each with a value shape. Anything else (url(), expression(), `;`, braces, unknown
 * properties) is dropped. The frame applies this to all it receives: it trusts nothing the
 * host page sends (the host only limits itself to the property names).
 */
import type { FrameStyles, StyleProperty } from './style-properties.js';

const COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(rgb|rgba|hsl|hsla)\(\s*[-\d.%\s,/deg]{1,60}\))$/;
const LENGTH = /^(0|-?\d{0,4}(\.\d{1,4})?(px|em|rem|%|pt|ch|ex))$/;
const LINE_HEIGHT = /^(normal|\d{1,2}(\.\d{1,3})?|\d{0,4}(\.\d{1,4})?(px|em|rem|%))$/;
const FONT_FAMILY = /^[A-Za-z0-9 ,'"_-]{1,200}$/;
const FONT_WEIGHT = /^(normal|bold|lighter|bolder|[1-9]00)$/;
const FONT_STYLE = /^(normal|italic)$/;
const PADDING = /^((0|\d{0,4}(\.\d{1,4})?(px|em|rem|%))(\s+|$)){1,4}$/;

/** The custom properties a merchant may set, and the shape each value must have. */
export const STYLE_ALLOWLIST = {
  '--pay-color': COLOR,
  '--pay-background': COLOR,
  '--pay-placeholder-color': COLOR,
  '--pay-invalid-color': COLOR,
  '--pay-caret-color': COLOR,
  '--pay-focus-color': COLOR,
  '--pay-border-color': COLOR,
  // One to four radii, as padding takes lengths.
  '--pay-border-radius': PADDING,
  '--pay-font-family': FONT_FAMILY,
  '--pay-font-size': LENGTH,
  '--pay-font-weight': FONT_WEIGHT,
  '--pay-font-style': FONT_STYLE,
  '--pay-letter-spacing': LENGTH,
  '--pay-line-height': LINE_HEIGHT,
  '--pay-padding': PADDING,
} as const satisfies Record<StyleProperty, RegExp>;

export function isAllowedStyle(property: string, value: unknown): boolean {
  if (!Object.hasOwn(STYLE_ALLOWLIST, property) || typeof value !== 'string') return false;
  return STYLE_ALLOWLIST[property as StyleProperty].test(value.trim());
}

/** Keeps only allowlisted properties with well-shaped values. */
export function sanitizeStyles(input: unknown): FrameStyles {
  const styles: FrameStyles = {};
  if (typeof input !== 'object' || input === null) return styles;
  for (const [property, value] of Object.entries(input)) {
    if (isAllowedStyle(property, value)) styles[property as StyleProperty] = String(value).trim();
  }
  return styles;
}

/** A web font given once per group; https only. */
export interface FontSource {
  family: string;
  src: string;
  weight?: string;
  style?: string;
}

const FONT_NAME = /^[A-Za-z0-9 _-]{1,60}$/;

export function isFontSource(value: unknown): value is FontSource {
  if (typeof value !== 'object' || value === null) return false;
  const font = value as Record<string, unknown>;
  if (typeof font.family !== 'string' || !FONT_NAME.test(font.family)) return false;
  if (
    font.weight !== undefined &&
    !(typeof font.weight === 'string' && FONT_WEIGHT.test(font.weight))
  )
    return false;
  if (font.style !== undefined && !(typeof font.style === 'string' && FONT_STYLE.test(font.style)))
    return false;
  if (typeof font.src !== 'string' || /["'()\s\\]/.test(font.src)) return false;
  try {
    return new URL(font.src).protocol === 'https:';
  } catch {
    return false;
  }
}

export function sanitizeFonts(input: unknown): FontSource[] {
  return Array.isArray(input) ? input.filter(isFontSource).slice(0, 8) : [];
}
