// @pay/react on the server: importing it touches no DOM and defines nothing, and a page with
// the fields renders to markup (the fields' iframes come on the client, after hydration).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'react-dom/server';
import {
  Card,
  CardCvc,
  CardExpiry,
  CardFields,
  CardholderName,
  CardNumber,
  useCardFields,
} from '@pay/react';

function PayButton() {
  const { ready, error } = useCardFields();
  return (
    <button type="submit" disabled={!ready} data-error={error?.code ?? ''}>
      Pay
    </button>
  );
}

test('importing the package defines nothing on the server', () => {
  assert.equal(typeof (globalThis as { customElements?: unknown }).customElements, 'undefined');
  assert.equal(typeof (globalThis as { HTMLElement?: unknown }).HTMLElement, 'undefined');
});

test('renderToString of a checkout with every field gives their tags and attributes', () => {
  const html = renderToString(
    <form>
      <CardFields
        publishableKey="pk_test_ssr"
        gateway="https://gateway.example"
        name="token"
        disabled
        fonts={[{ family: 'Inter', src: 'https://fonts.example/inter.woff2' }]}
        className="group"
        onChange={() => {}}
      >
        <CardNumber id="number" label="Card number" placeholder="1234" onChange={() => {}} />
        <CardExpiry label="Expiry" />
        <CardCvc label="CVC" />
        <CardholderName label="Name" />
        <PayButton />
      </CardFields>
      <CardFields publishableKey="pk_test_ssr" gateway="https://gateway.example">
        <Card label="Card" />
      </CardFields>
    </form>,
  );
  assert.match(
    html,
    /<pay-card-fields publishable-key="pk_test_ssr" gateway="https:\/\/gateway.example" name="token" disabled="" class="group">/,
  );
  assert.match(
    html,
    /<pay-card-number defer-hydration="" id="number" label="Card number" placeholder="1234"><\/pay-card-number>/,
  );
  for (const tag of ['pay-card-expiry', 'pay-card-cvc', 'pay-cardholder-name', 'pay-card']) {
    assert.match(html, new RegExp(`<${tag} defer-hydration="" label="[^"]+"></${tag}>`));
  }
  // Not ready on the server; no handlers, fonts or iframes in the markup.
  assert.match(html, /<button type="submit" disabled="" data-error="">Pay<\/button>/);
  assert.doesNotMatch(html, /iframe|onChange|onchange|fonts|Inter/);
});

test('useCardFields() outside <CardFields> says where it belongs', () => {
  assert.throws(
    () => renderToString(<PayButton />),
    /useCardFields\(\) must be called in a component inside <CardFields>/,
  );
});
