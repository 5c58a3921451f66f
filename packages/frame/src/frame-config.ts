import {
  isLocale,
  CARD_BRANDS,
  isCardBrand,
  isCardNetwork,
  isPublishableKey,
  isTextDirection,
  sanitizeMessages,
  sanitizeFonts,
  sanitizeStyles,
  type FontSource,
  type FrameConfig,
  type FrameStyles,
} from '@pay/protocol';

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

/** Keeps what is well-formed of a config from the (untrusted) host page. */
export function parseFrameConfig(input: unknown): FrameConfig | null {
  if (typeof input !== 'object' || input === null) return null;
  const raw = input as Record<string, unknown>;
  const config: FrameConfig = { label: text(raw.label, 200) ?? '' };
  const placeholder = text(raw.placeholder, 100);
  if (placeholder) config.placeholder = placeholder;
  if (isPublishableKey(raw.publishableKey)) {
    config.publishableKey = raw.publishableKey;
  }
  config.styles = sanitizeStyles(raw.styles);
  config.fonts = sanitizeFonts(raw.fonts);
  config.disabled = raw.disabled === true;
  // Off the list, the locale is left out (the frame keeps the one it has); never a path.
  if (isLocale(raw.locale)) config.locale = raw.locale;
  if (isTextDirection(raw.dir)) config.dir = raw.dir;
  const messages = sanitizeMessages(raw.messages);
  if (Object.keys(messages).length) config.messages = messages;
  if (Array.isArray(raw.acceptedBrands) && raw.acceptedBrands.length <= CARD_BRANDS.length)
    config.acceptedBrands = raw.acceptedBrands.filter(isCardBrand);
  if (isCardNetwork(raw.preferredNetwork)) config.preferredNetwork = raw.preferredNetwork;
  if (raw.autoAdvance === true) config.autoAdvance = true;
  return config;
}

let appliedStyles: string[] = [];

/** The allowlisted `--pay-*` values become custom properties the field's styles read. */
export function applyStyles(styles: FrameStyles): void {
  const root = document.documentElement.style;
  for (const property of appliedStyles) root.removeProperty(property);
  appliedStyles = Object.keys(styles);
  for (const [property, value] of Object.entries(styles)) root.setProperty(property, value);
}

const loadedFonts = new Set<string>();

/** Web fonts, https only (checked again in sanitizeFonts), loaded once. */
export function loadFonts(fonts: FontSource[]): void {
  for (const font of fonts) {
    const key = JSON.stringify(font);
    if (loadedFonts.has(key)) continue;
    loadedFonts.add(key);
    const face = new FontFace(font.family, `url(${font.src})`, {
      ...(font.weight ? { weight: font.weight } : {}),
      ...(font.style ? { style: font.style } : {}),
    });
    document.fonts.add(face);
    face.load().catch(() => console.warn(`pay: could not load the font ${font.family}`));
  }
}
