/**
 * Words the frame shows beside the part labels (part-specs.ts) and error messages
 * (error-messages.ts), by key, so a catalog of translations can take them over as they are.
 */
export const UI_LABELS = {
  /** The legend of a co-badged card's network choice. */
  choose_network: 'Choose the card network',
} as const;

export type UiLabelKey = keyof typeof UI_LABELS;
