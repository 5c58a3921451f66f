/** @jsxRuntime automatic @jsxImportSource react */
// The shop's React checkout: @pay/react's fields and hook, paying through the same shop server
// as the other checkouts. Rendered to HTML by the shop's server and hydrated in the browser
// (main.tsx), so it reads nothing from the DOM while rendering.
import { useState } from 'react';
import {
  CardCvc,
  CardExpiry,
  CardFields,
  CardholderName,
  CardNumber,
  useCardFields,
  type CardBrand,
} from '@pay/react';
import { customerMessage, tokenizeFailureMessage } from '../customer-messages.js';
import { payOrder } from '../browser/shop-api.js';
import type { CheckoutSettings } from '../checkout-settings.js';

const BRAND_NAMES: Partial<Record<CardBrand, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

function PayButton({ settings }: { settings: CheckoutSettings }) {
  const { ready, tokenize, handleNextAction } = useCardFields();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function pay() {
    if (busy) return; // one attempt at a time: a double click never sends a second token
    setBusy(true);
    setMessage('');
    let token: string;
    try {
      token = (await tokenize()).token;
    } catch (err) {
      setBusy(false);
      setMessage(tokenizeFailureMessage((err as { code?: string }).code));
      return;
    }
    const step = await payOrder(settings.orderId, token, settings.threeDS, handleNextAction);
    if ('leave' in step) return location.assign(step.leave); // stays busy while the page goes
    setBusy(false);
    setMessage(step.message);
  }

  return (
    <>
      <div className="alert" role="alert" id="pay-message" hidden={!message}>
        {message}
      </div>
      <button
        className={`button pay-button${busy ? ' is-busy' : ''}`}
        type="button"
        id="pay-button"
        disabled={!ready || busy}
        aria-busy={busy}
        onClick={() => void pay()}
      >
        <span className="spinner" aria-hidden="true"></span>
        <span className="label">{busy ? 'Processing…' : settings.label}</span>
      </button>
    </>
  );
}

export function CheckoutApp({ settings }: { settings: CheckoutSettings }) {
  const [brand, setBrand] = useState<CardBrand | undefined>();
  const [ready, setReady] = useState(false);
  const [setupError, setSetupError] = useState('');
  return (
    <div className={`pay-form${ready ? '' : ' is-loading'}`} id="checkout-form">
      <CardFields
        id="card-group"
        publishableKey={settings.publishableKey}
        gateway={settings.gateway}
        // The shop draws the fields' boxes (.pay-field in shop.css).
        theme="none"
        onReady={() => setReady(true)}
        onError={({ code }) => setSetupError(customerMessage(code))}
        // Enter in a field pays, as a form's submit would.
        onSubmit={(_detail, event) => {
          event.preventDefault();
          document.getElementById('pay-button')?.click();
        }}
      >
        <div className="field">
          <label htmlFor="card-number">
            Card number{' '}
            <span className="muted small" id="card-brand">
              {brand ? BRAND_NAMES[brand] : ''}
            </span>
          </label>
          <CardNumber
            id="card-number"
            className="pay-field"
            label="Card number"
            onChange={(detail) => setBrand(detail.brand)}
          />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="card-expiry">Expiry</label>
            <CardExpiry id="card-expiry" className="pay-field" label="Expiry date" />
          </div>
          <div className="field">
            <label htmlFor="card-cvc">CVC</label>
            <CardCvc id="card-cvc" className="pay-field" label="Security code" />
          </div>
        </div>
        <div className="field">
          <label htmlFor="card-name">Name on card</label>
          <CardholderName id="card-name" className="pay-field" label="Name on card" />
        </div>
        {setupError && <p className="alert">{setupError}</p>}
        <PayButton settings={settings} />
      </CardFields>
    </div>
  );
}
