// What the framework checkouts (React, Vue) need from the shop's server: rendered into the
// page as data-* attributes of their root element, read back in the browser to hydrate.
export interface CheckoutSettings {
  orderId: string;
  threeDS: 'modal' | 'redirect';
  publishableKey: string;
  gateway: string;
  /** The pay button's text, e.g. "Pay €24.00". */
  label: string;
}

const ATTRIBUTES: Record<keyof CheckoutSettings, string> = {
  orderId: 'data-order',
  threeDS: 'data-three-ds',
  publishableKey: 'data-publishable-key',
  gateway: 'data-gateway',
  label: 'data-label',
};

/** The root's attributes, as name → value (the server escapes the values). */
export function settingsAttributes(settings: CheckoutSettings): [string, string][] {
  return (Object.keys(ATTRIBUTES) as (keyof CheckoutSettings)[]).map((key) => [
    ATTRIBUTES[key],
    settings[key],
  ]);
}

export function readSettings(root: HTMLElement): CheckoutSettings {
  const value = (key: keyof CheckoutSettings) => root.getAttribute(ATTRIBUTES[key]) ?? '';
  return {
    orderId: value('orderId'),
    threeDS: value('threeDS') === 'redirect' ? 'redirect' : 'modal',
    publishableKey: value('publishableKey'),
    gateway: value('gateway'),
    label: value('label'),
  };
}
