import { html } from '../html.js';

/** A page for "not found" and other dead ends, always with a way back. */
export function messagePage(title: string, text: string) {
  return html`
    <section class="card result" data-state="message">
      <h1>${title}</h1>
      <p class="lead">${text}</p>
      <div class="actions"><a class="button" href="/">Back to the shop</a></div>
    </section>
  `;
}
