import { STYLE_PROPERTIES, type FrameStyles } from '@pay/protocol';

/**
 * The `--pay-*` custom properties as they apply to `element`. Only the names are limited here;
 * the frame checks every value's shape, since it trusts nothing the host page sends.
 */
export function readFrameStyles(element: Element): FrameStyles {
  const computed = getComputedStyle(element);
  const styles: FrameStyles = {};
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property).trim();
    if (value) styles[property] = value;
  }
  return styles;
}
