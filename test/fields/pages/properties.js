// What a framework does: elements made by script and configured through properties (React 19
// and Vue set attributes only on elements not defined yet), before and after the SDK loads.
const form = document.getElementById('checkout');

function group(id, properties, kinds) {
  const element = document.createElement('pay-card-fields');
  element.id = id;
  Object.assign(element, properties);
  for (const kind of kinds) {
    const field = document.createElement(`pay-card-${kind}`);
    field.id = `${id}-${kind}`;
    field.label = `${id} ${kind}`;
    field.placeholder = `${kind} here`;
    element.append(field);
  }
  form.append(element);
  return element;
}

// Set before the SDK defines the elements: own properties, which the SDK must take over.
group('before', { publishableKey: '%KEY%', gateway: '%GATEWAY%', name: 'before_token' }, [
  'number',
  'expiry',
  'cvc',
]);
// What React and Vue write for `publishableKey` on an element not defined yet.
const alias = group('alias', { gateway: '%GATEWAY%' }, ['number', 'expiry', 'cvc']);
alias.setAttribute('publishableKey', '%KEY%');

const sdk = document.createElement('script');
sdk.type = 'module';
sdk.src = '%GATEWAY%/sdk/v1/pay.js';
document.head.append(sdk);

// Set after: plain accessors on defined elements.
window.customElements.whenDefined('pay-card-fields').then(() => {
  group('after', { publishableKey: '%KEY%', gateway: '%GATEWAY%' }, ['number', 'expiry', 'cvc']);
});
