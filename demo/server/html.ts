// A tagged template that escapes every interpolated value unless it is already markup, so a
// payment's text (error messages, metadata, external ids) can never inject HTML.
const MARKUP = Symbol('markup');

export interface Markup {
  readonly [MARKUP]: true;
  readonly text: string;
}

type Value = Markup | string | number | boolean | null | undefined | readonly Value[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function isMarkup(value: unknown): value is Markup {
  return typeof value === 'object' && value !== null && MARKUP in value;
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: Value) => render(v)).join('');
  if (isMarkup(value)) return value.text;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += render(value) + (strings[i + 1] ?? '');
  });
  return { [MARKUP]: true, text };
}

/**
 * Markup made by a renderer that escapes on its own (React's and Vue's server renderers): taken
 * as it is. Never for text from a request or a payment.
 */
export function rendered(text: string): Markup {
  return { [MARKUP]: true, text };
}
