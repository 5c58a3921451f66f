// The shop's checkout script (split fields and <pay-card> pages). It never sees card data: the
// SDK's form-associated group tokenizes on submit and puts the token into the form data; this
// script sends that token to the shop's server, and runs 3-D Secure with the SDK's
// handleNextAction when the payment needs it.
import { customerMessage, tokenizeFailureMessage } from '../customer-messages.js';
import { errorCode, payOrder, verifyInPage, type HandleNextAction } from './shop-api.js';

interface PaySdk {
  handleNextAction: HandleNextAction;
}

const LOAD_TIMEOUT_MS = 15_000;
const gatewayUrl = document.querySelector<HTMLMetaElement>('meta[name="pay-gateway"]')?.content;

function sdk(): Promise<PaySdk> {
  // The same module the page's <script type="module"> tag loaded: imported once, shared.
  return import(/* @vite-ignore */ `${gatewayUrl}/sdk/v1/pay.js`) as Promise<PaySdk>;
}

function showMessage(box: HTMLElement | null, text: string) {
  if (!box) return;
  box.hidden = !text;
  box.textContent = text;
}

function setBusy(button: HTMLButtonElement, busy: boolean, disable = busy) {
  // While the group tokenizes the button stays enabled: the group re-submits the form with it.
  button.disabled = disable;
  button.setAttribute('aria-busy', String(busy));
  button.classList.toggle('is-busy', busy);
  const label = button.querySelector('.label');
  if (label) label.textContent = busy ? 'Processing…' : (button.dataset.label ?? '');
}

function watchLoading(form: HTMLFormElement, group: HTMLElement, box: HTMLElement | null) {
  form.classList.add('is-loading');
  let failed = false;
  const fail = () => {
    failed = true;
    showMessage(box, customerMessage('sdk_unavailable'));
  };
  // Module scripts run in document order: if the SDK's had loaded, its tags would be defined now.
  if (!customElements.get('pay-card-fields')) fail();
  const timer = setTimeout(fail, LOAD_TIMEOUT_MS);
  group.addEventListener(
    'pay-ready',
    () => {
      clearTimeout(timer);
      form.classList.remove('is-loading');
      if (failed) showMessage(box, '');
    },
    { once: true },
  );
}

function wireCheckout(form: HTMLFormElement) {
  const group = form.querySelector<HTMLElement>('pay-card-fields');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const box = form.querySelector<HTMLElement>('#pay-message');
  const orderId = form.dataset.order;
  if (!group || !button || !orderId) return;
  watchLoading(form, group, box);
  const tokenName = group.getAttribute('name') || 'card_token';
  // idle -> tokenizing (the SDK's group) -> paying (this script) -> leaving, or back to idle.
  let stage: 'idle' | 'tokenizing' | 'paying' | 'leaving' = 'idle';
  const reset = () => {
    stage = 'idle';
    setBusy(button, false);
  };

  // Runs before the group's own submit listener: one payment attempt at a time, so a double
  // click never sends a second token. The group's re-submit (with the token) passes through.
  document.addEventListener(
    'submit',
    (event) => {
      if (event.target !== form || new FormData(form).has(tokenName)) return;
      if (stage !== 'idle') {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      stage = 'tokenizing';
      showMessage(box, '');
      setBusy(button, true, false);
    },
    true,
  );

  // Tokenizing failed (a field is incomplete, the gateway is unreachable, ...).
  group.addEventListener('pay-error', (event) => {
    const code = (event as CustomEvent<{ code?: string }>).detail?.code;
    if (stage === 'tokenizing') reset();
    showMessage(box, tokenizeFailureMessage(code));
  });

  // The group tokenized and re-submitted the form with card_token in its data.
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = new FormData(form).get(tokenName);
    if (stage !== 'tokenizing') return;
    if (typeof token !== 'string') {
      // No group took part: the SDK never loaded.
      reset();
      showMessage(box, customerMessage('sdk_unavailable'));
      return;
    }
    stage = 'paying';
    setBusy(button, true);
    const step = await payOrder(orderId, token, form.dataset.threeDs, async (payment) =>
      (await sdk()).handleNextAction(payment),
    );
    if ('leave' in step) {
      // Leaving the page: the button stays disabled so nothing is sent twice meanwhile.
      stage = 'leaving';
      location.assign(step.leave);
    } else {
      showMessage(box, step.message);
      reset();
    }
  });
}

function wireContinueVerification(button: HTMLButtonElement) {
  const { order, payment, redirect } = button.dataset;
  if (!order || !payment || !redirect) return;
  const box = document.querySelector<HTMLElement>('#pay-message');
  button.addEventListener('click', async () => {
    button.disabled = true;
    showMessage(box, '');
    try {
      const payload = { id: payment, status: 'requires_action' as const, redirect_url: redirect };
      const step = await verifyInPage(order, payload, async (p) =>
        (await sdk()).handleNextAction(p),
      );
      if ('leave' in step) return location.assign(step.leave);
      showMessage(box, step.message);
    } catch (err) {
      showMessage(box, customerMessage(errorCode(err)));
    }
    button.disabled = false;
  });
}

const form = document.querySelector<HTMLFormElement>('form#checkout-form[data-order]');
if (form) wireCheckout(form);
const resume = document.querySelector<HTMLElement>('button#continue-verification');
if (resume instanceof HTMLButtonElement) wireContinueVerification(resume);

// Back from another page via the back/forward cache: the button must be usable again.
window.addEventListener('pageshow', (e) => {
  if (e.persisted) location.reload();
});
