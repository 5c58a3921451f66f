// The React wrappers' fixture: a checkout as a merchant writes it with @pay/react. Renders on
// the server too (react.spec.ts renders it with react-dom/server for the hydration case), so
// nothing here touches the DOM outside event handlers.
import { useState } from 'react';
import {
  CardCvc,
  CardExpiry,
  CardFields,
  CardholderName,
  CardNumber,
  useCardFields,
  type PayCardFieldsElement,
} from '@pay/react';

export interface Heard {
  on: string;
  prop: string;
  detail: unknown;
  /** Whether the handler got the DOM event as its second argument. */
  event: string;
}

declare global {
  interface Window {
    heard: Heard[];
    groupRef: PayCardFieldsElement | null;
  }
}

/** An `onX` handler that records what it was given. */
function record(on: string, prop: string) {
  return (detail: unknown, event: Event) => {
    window.heard ??= [];
    window.heard.push({ on, prop, detail, event: event.type });
  };
}

function fieldHandlers(on: string) {
  return {
    onReady: record(on, 'onReady'),
    onChange: record(on, 'onChange'),
    onFocus: record(on, 'onFocus'),
    onBlur: record(on, 'onBlur'),
  };
}

function PayButton() {
  const { ready, error, tokenize } = useCardFields();
  const [token, setToken] = useState('');
  return (
    <p>
      <button
        id="pay"
        type="button"
        disabled={!ready}
        onClick={() =>
          tokenize({ cardholderName: 'Jane Doe' }).then(
            (result) => setToken(result.token),
            () => setToken(''),
          )
        }
      >
        Pay
      </button>
      <output id="ready">{String(ready)}</output>
      <output id="token">{token}</output>
      <output id="error">{error?.code ?? ''}</output>
    </p>
  );
}

export function Checkout({ gateway, publishableKey }: { gateway: string; publishableKey: string }) {
  const [mounted, setMounted] = useState(true);
  const [label, setLabel] = useState('Card number');
  const [disabled, setDisabled] = useState(false);
  return (
    <main>
      <button id="toggle" type="button" onClick={() => setMounted((m) => !m)}>
        {mounted ? 'Unmount' : 'Mount'}
      </button>
      <button id="relabel" type="button" onClick={() => setLabel('Long card number')}>
        Relabel
      </button>
      <button id="disable" type="button" onClick={() => setDisabled((d) => !d)}>
        {disabled ? 'Enable' : 'Disable'}
      </button>
      {mounted && (
        <CardFields
          id="group"
          className="checkout-group"
          publishableKey={publishableKey}
          gateway={gateway}
          disabled={disabled}
          fonts={[]}
          ref={(element) => {
            if (typeof window !== 'undefined') window.groupRef = element;
          }}
          {...fieldHandlers('group')}
          onReady={record('group', 'onReady')}
          onError={record('group', 'onError')}
        >
          <label htmlFor="number">Card number</label>
          <CardNumber id="number" label={label} {...fieldHandlers('number')} />
          <CardExpiry id="expiry" label="Expiry date" {...fieldHandlers('expiry')} />
          <CardCvc id="cvc" label="Security code" placeholder="CVC" {...fieldHandlers('cvc')} />
          <CardholderName id="name" label="Name on card" {...fieldHandlers('name')} />
          <PayButton />
        </CardFields>
      )}
    </main>
  );
}
