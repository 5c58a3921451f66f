import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CardCvc, CardExpiry, CardFields, CardNumber, useCardFields } from '@pay/react';

const gateway = new URLSearchParams(location.search).get('gateway') ?? '';

function PayButton() {
  const { ready, error, tokenize } = useCardFields();
  const [token, setToken] = useState('');
  return (
    <>
      <button id="pay" disabled={!ready} onClick={() => tokenize().then((r) => setToken(r.token))}>
        Pay
      </button>
      <output id="token">{token}</output>
      <output id="error">{error?.code}</output>
    </>
  );
}

function Checkout() {
  const [brand, setBrand] = useState('');
  return (
    <CardFields publishableKey="pk_test_fields" gateway={gateway}>
      <CardNumber id="number" label="Card number" onChange={(d) => setBrand(d.brand ?? '')} />
      <CardExpiry id="expiry" label="Expiry date" />
      <CardCvc id="cvc" label="Security code" />
      <output id="brand">{brand}</output>
      <PayButton />
    </CardFields>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Checkout />
  </StrictMode>,
);
