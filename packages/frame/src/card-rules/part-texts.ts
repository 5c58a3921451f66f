/**
 * The words of a frame's inputs: the rule, written once, that the form renders and that the
 * frame's entry applies to the document it was served before the app runs (so the two agree to
 * the letter, and the app takes the document over without a visible change).
 */
import type { CardPart, MessageKey } from '@pay/protocol';

/** The page's words for a field (its `label`, or `<label for>` text, and `placeholder`). */
export interface PageTexts {
  label: string;
  placeholder: string;
}

/** The strings of the frame's language, the merchant's overrides included. */
export type Translate = (key: MessageKey) => string;

/**
 * A part's accessible name and placeholder: the page's own in a frame of one part; else, and in
 * the combined field (whose label names the group), the frame's strings for the part.
 */
export function partTexts(
  part: CardPart,
  combined: boolean,
  page: PageTexts,
  t: Translate,
): PageTexts {
  return {
    label: (!combined && page.label) || t(`${part}_label`),
    placeholder: (!combined && page.placeholder) || t(`${part}_placeholder`),
  };
}

/** The accessible name of the combined field's group of inputs. */
export function groupLabel(page: PageTexts, t: Translate): string {
  return page.label || t('card_label');
}

/**
 * The field's own name in the frame's language, which the host makes the iframe's title when the
 * page gives the field no label.
 */
export function frameTitle(parts: readonly CardPart[], t: Translate): string {
  const none = { label: '', placeholder: '' };
  return parts.length > 1 ? groupLabel(none, t) : partTexts(parts[0]!, false, none, t).label;
}
