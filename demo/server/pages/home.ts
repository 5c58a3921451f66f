import { formatMoney, PRODUCTS } from '../catalog.js';
import { html } from '../html.js';

// Each button's accessible name is its visible label, "Buy now" (WCAG 2.5.3: a voice-control
// user says what they see); the product's name is its description.
export function homePage() {
  return html`
    <section class="hero">
      <h1>Good tools for slow writing</h1>
      <p>Notebooks, pens and ink, made to last. Pick something and try the checkout.</p>
    </section>
    <ul class="products">
      ${PRODUCTS.map(
        (p) => html`
          <li class="card product">
            <img src="${p.image}" alt="" width="320" height="200" />
            <div class="product-body">
              <h2 id="product-${p.id}">${p.name}</h2>
              <p>${p.blurb}</p>
              <form method="post" action="/checkout" class="product-buy">
                <input type="hidden" name="product" value="${p.id}" />
                <span class="price">${formatMoney(p.price, p.currency)}</span>
                <button class="button" type="submit" aria-describedby="product-${p.id}">
                  Buy now
                </button>
              </form>
            </div>
          </li>
        `,
      )}
    </ul>
  `;
}
