import { html } from '../html.js';

/** A page for "not found" and other dead ends, with a way back (`back`, else the home page). */
export function messagePage(title: string, text: string, back = '/') {
  return html`
    <section class="card result" data-state="message">
      <h1>${title}</h1>
      <p class="lead">${text}</p>
      <div class="actions"><a class="button" href="${back}">Back to the shop</a></div>
    </section>
  `;
}
