import { STYLE_PROPERTIES, type FrameStyles } from '@pay/protocol';

/**
 * The `--pay-*` custom properties as they apply to `element`, and the page's font family when
 * `--pay-font-family` is not set. Only the names are limited here;
 * the frame checks every value's shape, since it trusts nothing the host page sends.
 */
export function readFrameStyles(element: Element): FrameStyles {
  const computed = getComputedStyle(element);
  const styles: FrameStyles = {};
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property).trim();
    if (value) styles[property] = value;
  }
  // The page's font, unless the merchant chose one for the frame (a web font the page loaded
  // reaches the frame through the group's `fonts`; without it the frame uses the next family).
  styles['--pay-font-family'] ??= computed.fontFamily;
  return styles;
}
