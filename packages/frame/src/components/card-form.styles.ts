import { css } from 'lit';

/*
 * (Comments out here, not in the CSS: Lit ships its text as written.)
 * The input's box is drawn with inset shadows, never a border: its size is the same in every
 * theme (fieldHeight() in @pay/protocol). --l is the line's colour; the ring (all round) and the
 * line (below) take the theme's widths, --t-ring and --t-line, set in frame.css (default: a 1 px
 * ring, 2 px at focus). Invalid wins over focus: the ring stays red while the shopper corrects.
 * The combined field's rows keep a 1 px border in every theme; only theme none draws it.
 * The card digits stay a left-to-right run of their own (unicode-bidi) on a right-to-left page,
 * where they sit on the page's start side. The error region is kept in the DOM even when empty,
 * so that screen readers hear errors as they appear.
 */
export const cardFormStyles = css`
  :host {
    display: block;
    color: var(--pay-color, #1a1a1a);
    font-family: var(--pay-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--pay-font-size, 16px);
    font-weight: var(--pay-font-weight, normal);
    font-style: var(--pay-font-style, normal);
    line-height: var(--pay-line-height, 1.4);
  }
  form {
    margin: 0;
  }
  .parts {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px;
  }
  .part {
    grid-column: 1 / -1;
    position: relative;
  }
  form.combined .part-expiry,
  form.combined .part-cvc {
    grid-column: auto;
  }
  input {
    --l: var(--pay-border-color, #7a808a);
    box-sizing: border-box;
    width: 100%;
    margin: 0;
    border: 0;
    border-radius: var(--pay-border-radius, 6px);
    outline: 0;
    box-shadow:
      inset 0 calc(-1 * var(--t-line, 0px)) var(--l),
      inset 0 0 0 var(--t-ring, 1px) var(--l);
    background: var(--pay-background, #fff);
    color: inherit;
    font: inherit;
    letter-spacing: var(--pay-letter-spacing, normal);
    padding: var(--pay-padding, 8px 10px);
    caret-color: var(--pay-caret-color, auto);
    unicode-bidi: isolate;
  }
  :host(:dir(rtl)) input[dir='ltr'] {
    text-align: right;
  }
  form.combined input {
    border-bottom: 1px solid var(--t-rule, #0000);
    background-clip: padding-box;
  }
  input:focus {
    --l: var(--pay-focus-color, #2563eb);
    --t-ring: var(--t-focus-ring, 2px);
    --t-line: var(--t-focus-line, 0px);
  }
  .part-number input {
    padding-right: 3.5em;
  }
  :host(:dir(rtl)) .part-number input {
    padding-right: var(--pay-padding-inline, 10px);
    padding-left: 3.5em;
  }
  input::placeholder {
    color: var(--pay-placeholder-color, #6b7280);
  }
  input[aria-invalid='true'] {
    --l: var(--pay-invalid-color, #c62828);
    color: var(--l);
  }
  .brand {
    position: absolute;
    top: 0.45em;
    right: 8px;
    width: 2.4em;
    height: 1.6em;
    pointer-events: none;
  }
  :host(:dir(rtl)) .brand {
    right: auto;
    left: 8px;
  }
  .brand text {
    font: bold 7px sans-serif;
  }
  .brand[data-unsupported='true'] text {
    fill: #8a8f98;
  }
  .networks {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 0;
    border: 0;
    padding: 2px 10px 6px;
    font-size: 0.9em;
  }
  .networks legend {
    padding: 0;
    margin-bottom: 2px;
  }
  .networks label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .networks input {
    width: auto;
    padding: 0;
    box-shadow: none;
    accent-color: var(--pay-focus-color, #2563eb);
  }
  .networks input:focus-visible {
    outline: 2px solid var(--pay-focus-color, #2563eb);
    outline-offset: 2px;
  }
  .error {
    color: var(--pay-invalid-color, #c62828);
    font-size: 0.85em;
    padding: 0 10px;
  }
  .error:not(:empty) {
    padding-bottom: 4px;
  }
`;
