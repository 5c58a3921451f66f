/**
 * The frame's inputs before its app has loaded. The entry script draws them as soon as the
 * document is parsed, so the field can be focused and typed into while Lit, the card rules
 * and the strings load; the app takes over what was typed, and the focus, and removes them.
 * They are plain inputs in the gateway's own document: nothing in them reaches the host until
 * the app has taken them over and assessed them.
 */
import { CARD_PARTS, isCardPart, type CardPart, type FrameParams } from '@pay/protocol';
import { PART_INPUTS } from './card-rules/part-inputs.js';
import english from './i18n/catalogs/en.js';

const BOX_CLASS = 'early-inputs';

export function drawEarlyInputs({ kind, locale, dir }: FrameParams): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  const box = document.createElement('div');
  box.className = BOX_CLASS;
  for (const part of kind === 'card' ? CARD_PARTS : [kind]) {
    const input = document.createElement('input');
    const { autocomplete, name, inputmode, autocapitalize, maxlength } = PART_INPUTS[part];
    const attributes: Record<string, string> = {
      type: 'text',
      name,
      autocomplete,
      inputmode,
      autocapitalize,
      spellcheck: 'false',
      dir: part === 'name' ? 'auto' : 'ltr',
      'data-part': part,
      // The app names it in the frame's language; until then, in English.
      'aria-label': english[`${part}_label`],
    };
    if (maxlength) attributes.maxlength = String(maxlength);
    // Another language's placeholder comes with the app: no English one meanwhile.
    if (locale === 'en') attributes.placeholder = english[`${part}_placeholder`];
    for (const [key, value] of Object.entries(attributes)) input.setAttribute(key, value);
    // Only keystrokes are taken over. A value that arrives without one (autofill into a frame
    // that may be hidden) has no fill guard here to judge it: it leaves the input at once, so
    // nothing reads it. As the fill guard judges it: a trusted edit the browser does not call a
    // replacement (Chromium and Firefox announce an autofilled value as one, if at all).
    let typed = false;
    let taken = '';
    input.addEventListener('beforeinput', (event) => {
      typed = event.isTrusted && !!event.inputType && event.inputType !== 'insertReplacementText';
    });
    input.addEventListener('input', () => {
      if (typed) taken = input.value;
      else input.value = taken;
      typed = false;
    });
    box.append(input);
  }
  document.body.append(box);
  // Focus given to the frame window (a label click, the host's focus()) goes to the input.
  addEventListener('focus', () => {
    if (!document.activeElement?.matches('input')) box.querySelector('input')?.focus();
  });
}

/** What the shopper did in one early input, for the app's input of the same part. */
export interface EarlyInput {
  part: CardPart;
  /** What was typed ('' when nothing was; a value that came without a keystroke was dropped). */
  value: string;
  focused: boolean;
}

/** Removes the early inputs and says what was typed in them. */
export function takeEarlyInputs(): EarlyInput[] {
  const box = document.querySelector(`.${BOX_CLASS}`);
  if (!box) return [];
  const taken: EarlyInput[] = [];
  for (const input of box.querySelectorAll('input')) {
    const part = input.dataset.part;
    if (!isCardPart(part)) continue;
    taken.push({
      part,
      value: input.value,
      focused: document.activeElement === input,
    });
  }
  box.remove();
  return taken;
}
