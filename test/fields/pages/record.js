// Records every pay-* event the page sees, for the tests to read.
window.payEvents = [];
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
      window.payEvents.push({ type, target: event.target.id, detail: event.detail ?? null }),
    true,
  );
}
window.tokenizeGroup = (id, options) =>
  document
    .getElementById(id)
    .tokenize(options)
    .then(
      (result) => ({ ok: true, result }),
      (error) => ({ ok: false, code: error.code, message: error.message }),
    );
