// handleNextAction (three-d-secure.ts): the 3-D Secure dialog. A payment that needs no challenge
// never opens it; a challenge's outcome is taken only from the challenge frame, from its origin,
// for this payment; closing the dialog (button or Escape) resolves `requires_action` (the payment
// still waits). Every status is the payment's own word (`Payment['status']`). Outcome messages
// are dispatched here as the frame's window would post them: the test waits on nothing.
import { expect } from '@open-wc/testing';
import { THREE_DS_RESULT } from '@pay/protocol/three-d-secure';
import type { PaymentStatus } from '@pay/protocol/payment-status';
import { handleNextAction, type NextActionResult } from '../src/three-d-secure.js';

/** A same-origin path: the test server answers it (404), nothing leaves the machine. */
const CHALLENGE = '/__pay-test-3ds-challenge';

const dialogs = () => document.querySelectorAll('dialog');

function opened(): { dialog: HTMLDialogElement; frame: HTMLIFrameElement; close: HTMLElement } {
  const all = dialogs();
  expect(all).to.have.length(1);
  const dialog = all[0]!;
  return {
    dialog,
    frame: dialog.querySelector('iframe')!,
    close: dialog.querySelector('button')!,
  };
}

/** Posts `data` to the page as `source` from `origin` would. */
function post(data: unknown, origin: string, source: Window | null): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

afterEach(() => {
  // A failed test must not leave its modal dialog over the next one.
  for (const dialog of dialogs()) dialog.remove();
});

describe('handleNextAction: no challenge', () => {
  const cases: [string, PaymentStatus, string | null | undefined, NextActionResult['status']][] = [
    ['completed', 'completed', undefined, 'completed'],
    ['authorized', 'authorized', null, 'authorized'],
    ['failed', 'failed', undefined, 'failed'],
    ['failed, with a redirect_url', 'failed', CHALLENGE, 'failed'],
    ['refunded, with a redirect_url', 'refunded', CHALLENGE, 'refunded'],
    ['requires_action without a redirect_url', 'requires_action', null, 'requires_action'],
    ['requires_action with an empty redirect_url', 'requires_action', '', 'requires_action'],
  ];
  for (const [name, status, redirect_url, expected] of cases) {
    it(`${name}: ${expected}, without a dialog`, async () => {
      const result = await handleNextAction({ id: 'pay_1', status, redirect_url });
      expect(result).to.deep.equal({ payment_id: 'pay_1', status: expected });
      expect(dialogs()).to.have.length(0);
    });
  }
});

describe('handleNextAction: the challenge', () => {
  it('shows the challenge page in a modal dialog, telling it the page origin', async () => {
    const pending = handleNextAction({
      id: 'pay_2',
      status: 'requires_action',
      redirect_url: `${CHALLENGE}?x=1`,
    });
    const { dialog, frame, close } = opened();
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    const src = new URL(frame.src);
    expect(src.origin).to.equal(location.origin);
    expect(src.pathname).to.equal(CHALLENGE);
    expect(src.searchParams.get('x')).to.equal('1');
    expect(src.searchParams.get('parent_origin')).to.equal(location.origin);
    expect(dialog.getAttribute('aria-label')).to.have.length.above(0);
    expect(frame.title).to.have.length.above(0);
    expect(close.getAttribute('aria-label')).to.have.length.above(0);
    close.click();
    expect(await pending).to.deep.equal({ payment_id: 'pay_2', status: 'requires_action' });
    expect(dialogs()).to.have.length(0);
  });

  for (const status of ['completed', 'authorized', 'failed'] as const) {
    it(`resolves with the frame's outcome (${status}) and removes the dialog`, async () => {
      const pending = handleNextAction({
        id: 'pay_3',
        status: 'requires_action',
        redirect_url: CHALLENGE,
      });
      const { frame } = opened();
      post(
        { type: THREE_DS_RESULT, payment_id: 'pay_3', status },
        location.origin,
        frame.contentWindow,
      );
      expect(await pending).to.deep.equal({ payment_id: 'pay_3', status });
      expect(dialogs()).to.have.length(0);
    });
  }

  it('ignores messages from elsewhere, for another payment, or malformed', async () => {
    const pending = handleNextAction({
      id: 'pay_4',
      status: 'requires_action',
      redirect_url: CHALLENGE,
    });
    const { frame, close } = opened();
    const good = { type: THREE_DS_RESULT, payment_id: 'pay_4', status: 'completed' };
    const source = frame.contentWindow;
    // Another origin, as a look-alike gateway would post.
    post(good, 'https://evil.example', source);
    post(good, 'null', source);
    // The right origin but another window: the merchant page itself, or no window.
    post(good, location.origin, window);
    post(good, location.origin, null);
    // The frame, for another payment or with no outcome the protocol knows.
    post({ ...good, payment_id: 'pay_5' }, location.origin, source);
    post({ ...good, status: 'succeeded' }, location.origin, source);
    post({ ...good, status: 'requires_action' }, location.origin, source);
    post({ ...good, type: 'pay:something-else' }, location.origin, source);
    post({ ...good, payment_id: 4 }, location.origin, source);
    post(JSON.stringify(good), location.origin, source);
    post(null, location.origin, source);
    post([good], location.origin, source);
    // Listeners run as each message is dispatched: none of them finished the dialog.
    expect(opened().dialog.open).to.equal(true);
    close.click();
    expect(await pending).to.deep.equal({ payment_id: 'pay_4', status: 'requires_action' });
  });

  it('Escape (the dialog canceled) resolves requires_action', async () => {
    const pending = handleNextAction({
      id: 'pay_6',
      status: 'requires_action',
      redirect_url: CHALLENGE,
    });
    const { dialog } = opened();
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).to.equal(true);
    expect(await pending).to.deep.equal({ payment_id: 'pay_6', status: 'requires_action' });
    expect(dialogs()).to.have.length(0);
  });

  it('settles once: closing after the outcome changes nothing', async () => {
    const pending = handleNextAction({
      id: 'pay_7',
      status: 'requires_action',
      redirect_url: CHALLENGE,
    });
    const { frame, close } = opened();
    post(
      { type: THREE_DS_RESULT, payment_id: 'pay_7', status: 'failed' },
      location.origin,
      frame.contentWindow,
    );
    close.click();
    expect(await pending).to.deep.equal({ payment_id: 'pay_7', status: 'failed' });
    expect(dialogs()).to.have.length(0);
  });

  it('two payments: each dialog takes its own outcome', async () => {
    const first = handleNextAction({
      id: 'pay_a',
      status: 'requires_action',
      redirect_url: CHALLENGE,
    });
    const second = handleNextAction({
      id: 'pay_b',
      status: 'requires_action',
      redirect_url: CHALLENGE,
    });
    const [a, b] = [...dialogs()].map((dialog) => dialog.querySelector('iframe')!.contentWindow);
    post({ type: THREE_DS_RESULT, payment_id: 'pay_b', status: 'failed' }, location.origin, b!);
    post({ type: THREE_DS_RESULT, payment_id: 'pay_a', status: 'completed' }, location.origin, a!);
    expect(await first).to.deep.equal({ payment_id: 'pay_a', status: 'completed' });
    expect(await second).to.deep.equal({ payment_id: 'pay_b', status: 'failed' });
    expect(dialogs()).to.have.length(0);
  });

  it('speaks the language asked for, right to left for Arabic', async () => {
    const pending = handleNextAction(
      { id: 'pay_8', status: 'requires_action', redirect_url: CHALLENGE },
      { locale: 'ar-EG' },
    );
    const { dialog, close } = opened();
    expect(dialog.lang).to.equal('ar');
    expect(dialog.dir).to.equal('rtl');
    expect(dialog.getAttribute('aria-label')).to.equal('تأكيد الدفع');
    close.click();
    await pending;
    const french = handleNextAction(
      { id: 'pay_9', status: 'requires_action', redirect_url: CHALLENGE },
      { locale: 'fr' },
    );
    const second = opened();
    expect(second.dialog.lang).to.equal('fr');
    expect(second.dialog.dir).to.equal('');
    expect(second.close.getAttribute('aria-label')).to.equal('Fermer la vérification');
    second.close.click();
    await french;
  });
});
