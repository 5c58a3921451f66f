import { STYLE_PROPERTIES, sanitizeStyles, type FrameStyles } from '@pay/protocol';

/** The allowlisted `--pay-*` custom properties as they apply to `element`. */
export function readFrameStyles(element: Element): FrameStyles {
  const computed = getComputedStyle(element);
  const raw: Record<string, string> = {};
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property).trim();
    if (value) raw[property] = value;
  }
  return sanitizeStyles(raw);
}
