/**
 * Whether an edit of an input is the shopper's own keystroke (typing, pasting, deleting) rather
 * than a value put in without one (autofill, a password manager, a drop from elsewhere). The one
 * rule the frame's entry (before the app runs) and the fill guard both apply: a trusted
 * `beforeinput` announcing an edit that the browser does not call a replacement (Chromium and
 * Firefox announce an autofilled value as `insertReplacementText`, if at all).
 */
export function isTypedEdit(event: Event): boolean {
  const { inputType } = event as InputEvent;
  return event.isTrusted && !!inputType && inputType !== 'insertReplacementText';
}
