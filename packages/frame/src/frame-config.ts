import {
  isLocale,
  CARD_BRANDS,
  isCardBrand,
  isCardNetwork,
  isPublishableKey,
  isTextDirection,
  isTheme,
  sanitizeMessages,
  sanitizeFonts,
  sanitizeStyles,
  type FontSource,
  type FrameConfig,
  type FrameStyles,
  type Theme,
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
  if (isTheme(raw.theme)) config.theme = raw.theme;
  return config;
}

/**
 * The allowlisted `--pay-*` values become custom properties the field's styles read; those of an
 * earlier configuration go (read off the document, which the frame's entry and its app share).
 * The theme is the document's `data-theme`: frame.css sets its values, which the merchant's
 * (inline on the same element) override.
 */
export function applyStyles(styles: FrameStyles, theme: Theme = 'default'): void {
  document.documentElement.dataset.theme = theme;
  const root = document.documentElement.style;
  for (let i = root.length - 1; i >= 0; i--) {
    const property = root.item(i);
    if (property.startsWith('--pay-') && !(property in styles)) root.removeProperty(property);
  }
  for (const [property, value] of Object.entries(styles)) root.setProperty(property, value);
}

/**
 * How long the frame waits for the merchant's fonts before it shows its field with the
 * fallback font: a font that never comes must not keep the field from the shopper.
 */
export const FONT_WAIT_MS = 3000;

/** The fonts this document was given, shared by the entry and the app (two bundles, one realm). */
function givenFonts(): Set<string> {
  const registry = document.fonts as FontFaceSet & { [key: symbol]: Set<string> | undefined };
  return (registry[Symbol.for('pay-fonts')] ??= new Set());
}

/**
 * Web fonts, https only (checked again in sanitizeFonts), each added once. Resolves when they
 * have loaded, or failed, or after FONT_WAIT_MS: the field is then shown as it will stay.
 */
export function loadFonts(fonts: FontSource[]): Promise<void> {
  const given = givenFonts();
  const loads: Promise<unknown>[] = [];
  for (const font of fonts) {
    const key = JSON.stringify(font);
    if (given.has(key)) continue;
    given.add(key);
    const face = new FontFace(font.family, `url(${font.src})`, {
      ...(font.weight ? { weight: font.weight } : {}),
      ...(font.style ? { style: font.style } : {}),
    });
    document.fonts.add(face);
    loads.push(
      face.load().catch(() => console.warn(`pay: could not load the font ${font.family}`)),
    );
  }
  if (!loads.length) return Promise.resolve();
  return Promise.race([
    Promise.all(loads).then(() => {}),
    new Promise<void>((resolve) => setTimeout(resolve, FONT_WAIT_MS)),
  ]);
}
