// handleNextAction (next-action.ts): the SDK's entry point loads the dialog chunk on first use
// and passes the payment and options through to it.
import { expect } from '@open-wc/testing';
import { handleNextAction } from '../src/next-action.js';

afterEach(() => {
  for (const dialog of document.querySelectorAll('dialog')) dialog.remove();
});

describe('handleNextAction (lazy entry)', () => {
  it('a payment without a challenge resolves with its own status', async () => {
    expect(await handleNextAction({ id: 'pay_1', status: 'completed' })).to.deep.equal({
      payment_id: 'pay_1',
      status: 'completed',
    });
    expect(await handleNextAction({ id: 'pay_2', status: 'failed' })).to.deep.equal({
      payment_id: 'pay_2',
      status: 'failed',
    });
  });

  it('a challenge opens the dialog, in the language passed', async () => {
    const pending = handleNextAction(
      { id: 'pay_3', status: 'requires_action', redirect_url: '/__pay-test-3ds-challenge' },
      { locale: 'de' },
    );
    // The chunk loads before the dialog shows: wait for it as the page would, on the dialog.
    const dialog = await new Promise<HTMLDialogElement>((resolve) => {
      const found = () => document.querySelector('dialog');
      const now = found();
      if (now) return resolve(now);
      const observer = new MutationObserver(() => {
        const added = found();
        if (added) {
          observer.disconnect();
          resolve(added);
        }
      });
      observer.observe(document.body, { childList: true });
    });
    expect(dialog.lang).to.equal('de');
    dialog.querySelector('button')!.click();
    // Closed: the payment still waits for the challenge.
    expect(await pending).to.deep.equal({ payment_id: 'pay_3', status: 'requires_action' });
  });
});
