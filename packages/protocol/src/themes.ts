/**
 * The looks a group's fields can take (`<pay-card-fields theme>`). The frame draws them: their
 * tables are in the frame's document stylesheet (packages/frame/src/frame.css), its defaults in
 * the form's own. `none` is the bare field, for merchants who draw the box themselves.
 */
export const THEMES = ['default', 'flat', 'night', 'none'] as const;

export type Theme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is Theme {
  return THEMES.includes(value as Theme);
}
