import { css } from 'lit';

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
    box-sizing: border-box;
    width: 100%;
    margin: 0;
    border: 0;
    outline: 0;
    background: var(--pay-background, transparent);
    color: inherit;
    font: inherit;
    letter-spacing: var(--pay-letter-spacing, normal);
    padding: var(--pay-padding, 8px 10px);
    caret-color: var(--pay-caret-color, auto);
    /* The card digits stay a left-to-right run of their own on a right-to-left page. */
    unicode-bidi: isolate;
  }
  /* Right to left: the digits keep their order but sit on the page's start side. */
  :host(:dir(rtl)) input[dir='ltr'] {
    text-align: right;
  }
  form.combined input {
    border-bottom: 1px solid #d0d4da;
  }
  /* A focus mark by default; merchants who draw their own on ::part(frame) set it transparent. */
  input:focus {
    box-shadow: inset 0 -2px 0 0 var(--pay-focus-color, #2563eb);
  }
  .part-number input {
    padding-right: 3.5em;
  }
  :host(:dir(rtl)) .part-number input {
    padding-right: var(--pay-padding-inline, 10px);
    padding-left: 3.5em;
  }
  input::placeholder {
    color: var(--pay-placeholder-color, #8a8f98);
  }
  input[aria-invalid='true'] {
    color: var(--pay-invalid-color, #c62828);
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
    accent-color: var(--pay-focus-color, #2563eb);
  }
  .networks input:focus {
    box-shadow: none;
  }
  .networks input:focus-visible {
    outline: 2px solid var(--pay-focus-color, #2563eb);
    outline-offset: 2px;
  }
  /* Kept in the DOM even when empty so screen readers hear errors as they appear. */
  .error {
    color: var(--pay-invalid-color, #c62828);
    font-size: 0.85em;
    padding: 0 10px;
  }
  .error:not(:empty) {
    padding-bottom: 4px;
  }
`;
