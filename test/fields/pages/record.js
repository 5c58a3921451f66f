// Records every pay-* event the page sees, for the tests to read: all of them (capturing, so
// events that do not bubble too), and which pay-ready a listener on the document hears.
window.payEvents = [];
window.readyHeard = [];
window.violations = [];
for (const type of [
  'pay-ready',
  'pay-change',
  'pay-focus',
  'pay-blur',
  'pay-submit',
  'pay-error',
]) {
  document.addEventListener(
    type,
    (event) =>
      window.payEvents.push({
        type,
        target: event.target.id,
        detail: event.detail ?? null,
        at: window.performance.now(),
      }),
    true,
  );
}
document.addEventListener('pay-ready', (event) => window.readyHeard.push(event.target.id));
document.addEventListener('securitypolicyviolation', (event) =>
  window.violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
);
window.tokenizeGroup = (id, options) =>
  document
    .getElementById(id)
    .tokenize(options)
    .then(
      (result) => ({ ok: true, result }),
      (error) => ({ ok: false, code: error.code, message: error.message }),
    );
