/**
 * The height a field frame will have for the merchant's styles, so the host can give its iframe
 * that height from the start: the page does not move when the field appears, and the field is
 * ready without waiting for a layout. An estimate only; the frame measures itself and says its
 * height in its hello, which wins. It follows the form's stylesheet
 * (packages/frame/src/components/card-form.styles.ts): each input is a line of text and its
 * vertical padding; the combined field's three rows (number; expiry and CVC; name) each add a
 * 1 px rule and are 8 px apart. A frame test measures the form against it.
 */
import type { FieldKind } from './card-parts.js';
import type { FrameStyles } from './style-properties.js';

const px = (value: string | undefined): number | undefined => {
  const match = /^(\d+(?:\.\d+)?)px$/.exec(value?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
};

export function fieldHeight(kind: FieldKind, styles: FrameStyles): number {
  const fontSize = px(styles['--pay-font-size']) ?? 16;
  const lineHeight = styles['--pay-line-height']?.trim() ?? '1.4';
  const line = /^\d+(\.\d+)?$/.test(lineHeight)
    ? fontSize * Number(lineHeight)
    : (px(lineHeight) ?? fontSize * 1.4);
  // `--pay-padding` is one or two lengths: the first is the vertical padding.
  const padding = px(styles['--pay-padding']?.trim().split(/\s+/)[0]) ?? 8;
  const input = line + 2 * padding;
  return Math.ceil(kind === 'card' ? 3 * (input + 1) + 2 * 8 : input);
}
