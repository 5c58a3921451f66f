import './served-english.js';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/card-form.js';
import type { PayCardForm } from '../src/components/card-form.js';
import { fieldHeight, type FieldChangeDetail, type FrameStyles } from '@pay/protocol';
import { cardValidatorReady } from '../src/card-rules/card-validator-loader.js';

// Typing before the card rules load is covered by test/fields (the chunk held back).
before(() => cardValidatorReady);

async function numberField(): Promise<{ el: PayCardForm; input: HTMLInputElement }> {
  const el = await fixture<PayCardForm>(
    html`<pay-card-form parts="number" label="Card number"></pay-card-form>`,
  );
  const input = el.inputOf('number')!;
  input.focus();
  return { el, input };
}

/** Waits until the form's fill guard has heard from IntersectionObserver that it is on screen. */
async function onScreen(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * One key press per character: WebKitWebDriver presses every key of a string before
 * releasing any, and WebKit then drops a repeated character ("22" arrives as "2").
 */
async function type(text: string): Promise<void> {
  for (const character of text) await sendKeys({ type: character });
}

describe('<pay-card-form> number', () => {
  it('formats while typing and keeps the caret at the end', async () => {
    const { input } = await numberField();
    await type('4242424242424242');
    expect(input.value).to.equal('4242 4242 4242 4242');
    expect(input.selectionStart).to.equal(input.value.length);
  });

  it('formats amex as 4-6-5', async () => {
    const { input } = await numberField();
    await type('378282246310005');
    expect(input.value).to.equal('3782 822463 10005');
  });

  it('keeps the caret after the digit typed in the middle', async () => {
    const { input } = await numberField();
    await type('42424242');
    input.setSelectionRange(2, 2);
    await type('1');
    expect(input.value).to.equal('4214 2424 2');
    expect(input.selectionStart).to.equal(3);
  });

  it('deletes the digit before a separator on Backspace', async () => {
    const { input } = await numberField();
    await type('42424242');
    input.setSelectionRange(5, 5); // just after the space
    await sendKeys({ press: 'Backspace' });
    expect(input.value).to.equal('4244 242');
    expect(input.selectionStart).to.equal(3);
  });

  it('formats a pasted number', async () => {
    const { input } = await numberField();
    await onScreen();
    // A paste inserts the whole text in one edit, as insertText does.
    document.execCommand('insertText', false, '4242 4242 4242 4242');
    expect(input.value).to.equal('4242 4242 4242 4242');
  });

  it('shows no error while a valid prefix is typed, then one after blur', async () => {
    const { el, input } = await numberField();
    await type('4242');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.querySelector('#number-error')!.textContent).to.equal('');
    input.blur();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#number-error')!.textContent).to.contain('incomplete');
  });

  it('shows an impossible number at once', async () => {
    const { el, input } = await numberField();
    // Mastercard has one length: 16 digits failing Luhn cannot become valid.
    await type('5555555555554445');
    await el.updateComplete;
    expect(el.detail().error?.code).to.equal('invalid_number');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
  });

  it('calls a Visa failing Luhn at 16 digits incomplete while typing, invalid once left', async () => {
    const { el, input } = await numberField();
    await type('4242424242424241');
    await el.updateComplete;
    expect(el.detail()).to.deep.include({ valid: true, complete: false });
    expect(el.detail().error).to.equal(undefined);
    input.blur();
    await el.updateComplete;
    expect(el.detail().error?.code).to.equal('invalid_number');
    expect(el.detail().valid).to.equal(false);
  });

  for (const [brand, number] of [
    ['visa', '4111111000000000007'],
    ['maestro', '5018000000000000007'],
  ] as const) {
    it(`never flips to invalid while a valid 19-digit ${brand} is typed`, async () => {
      const { el } = await numberField();
      const details: FieldChangeDetail[] = [];
      el.addEventListener('pay-form-change', (e) =>
        details.push((e as CustomEvent<FieldChangeDetail>).detail),
      );
      await type(number);
      expect(details.filter((d) => !d.valid || d.error)).to.deep.equal([]);
      expect(details.at(-1)).to.deep.include({ complete: true, valid: true });
    });
  }

  it('links the error with aria-describedby and keeps the live region in the DOM', async () => {
    const { el, input } = await numberField();
    const region = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!);
    expect(region).not.to.equal(null);
    expect(region!.getAttribute('aria-live')).to.equal('polite');
  });

  it('has autocomplete, inputmode and the name from the host', async () => {
    const { input } = await numberField();
    expect(input.autocomplete).to.equal('cc-number');
    expect(input.inputMode).to.equal('numeric');
    expect(input.getAttribute('aria-label')).to.equal('Card number');
  });

  it('emits pay-form-change without digits, and only when the state changes', async () => {
    const { el } = await numberField();
    const details: FieldChangeDetail[] = [];
    el.addEventListener('pay-form-change', (e) => details.push((e as CustomEvent).detail));
    await type('5555555555554444');
    // 16 keystrokes, but only: not empty + mastercard, then complete.
    expect(details.length).to.be.lessThan(4);
    expect(JSON.stringify(details)).not.to.match(/\d{2,}/);
    expect(details.at(-1)).to.deep.equal({
      empty: false,
      complete: true,
      valid: true,
      brand: 'mastercard',
    });
  });

  it('tells nothing of a number that may still grow until it settles on blur', async () => {
    const { el, input } = await numberField();
    const details: FieldChangeDetail[] = [];
    el.addEventListener('pay-form-change', (e) => details.push((e as CustomEvent).detail));
    // A Visa may have 16, 18 or 19 digits: its valid 16-digit prefix is not complete yet.
    await type('4242424242424242');
    expect(details.at(-1)).to.deep.equal({
      empty: false,
      complete: false,
      valid: true,
      brand: 'visa',
    });
    input.blur();
    await el.updateComplete;
    expect(details.at(-1)).to.deep.equal({
      empty: false,
      complete: true,
      valid: true,
      brand: 'visa',
    });
    // Edited again: unsettled until the customer leaves once more.
    input.focus();
    await sendKeys({ press: 'Backspace' });
    await type('2');
    expect(details.at(-1)).to.deep.include({ complete: false, valid: true });
  });

  it('is accessible', async () => {
    const { el } = await numberField();
    await expect(el).to.be.accessible();
  });
});

describe('<pay-card-form> expiry and cvc', () => {
  it('takes 1230, 12/2030 and an autofilled 12/2029', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="expiry"></pay-card-form>`);
    const input = el.inputOf('expiry')!;
    input.focus();
    await type('1230');
    expect(input.value).to.equal('12 / 30');
    el.clear();
    await type('12/2030');
    expect(input.value).to.equal('12 / 2030');
    // Autofill sets the value and fires input, like this.
    input.value = '12/2029';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(input.value).to.equal('12 / 2029');
    expect(el.detail().complete).to.equal(true);
  });

  it('backspace after the automatic separator removes the month digit', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="expiry"></pay-card-form>`);
    const input = el.inputOf('expiry')!;
    input.focus();
    await type('12');
    expect(input.value).to.equal('12 / ');
    await sendKeys({ press: 'Backspace' });
    expect(input.value).to.equal('1');
  });

  it('shows expired_card after blur', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="expiry"></pay-card-form>`);
    const input = el.inputOf('expiry')!;
    input.focus();
    await type('0120');
    input.blur();
    await el.updateComplete;
    expect(el.detail().error?.code).to.equal('expired_card');
  });

  it('takes the brand from the group for the CVC length', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="cvc"></pay-card-form>`);
    const input = el.inputOf('cvc')!;
    input.focus();
    await type('123');
    expect(el.detail().complete).to.equal(true);
    el.setBrand('amex');
    expect(el.detail().complete).to.equal(false);
    await type('4');
    expect(el.detail().complete).to.equal(true);
  });
});

describe('<pay-card-form> combined', () => {
  it('draws four inputs in one form with autocomplete tokens', async () => {
    const el = await fixture<PayCardForm>(
      html`<pay-card-form parts="number expiry cvc name"></pay-card-form>`,
    );
    const inputs = [...el.shadowRoot!.querySelectorAll('form input')] as HTMLInputElement[];
    // The attribute, not the property: Firefox reflects `cc-csc` as "" (it has no CVC autofill).
    expect(inputs.map((i) => i.getAttribute('autocomplete'))).to.deep.equal([
      'cc-number',
      'cc-exp',
      'cc-csc',
      'cc-name',
    ]);
    await expect(el).to.be.accessible();
  });

  it('names the group of inputs with the label from the host, "Card details" by default', async () => {
    const el = await fixture<PayCardForm>(
      html`<pay-card-form parts="number expiry cvc name" label="Payment card"></pay-card-form>`,
    );
    const group = el.shadowRoot!.querySelector('form .parts')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Payment card');
    // The label names the group; each input keeps its own name.
    expect(el.inputOf('number')!.getAttribute('aria-label')).to.equal('Card number');
    el.label = '';
    await el.updateComplete;
    expect(group.getAttribute('aria-label')).to.equal('Card details');
    await expect(el).to.be.accessible();

    const single = await fixture<PayCardForm>(
      html`<pay-card-form parts="number" label="Card number"></pay-card-form>`,
    );
    const singleGroup = single.shadowRoot!.querySelector('form .parts')!;
    expect(singleGroup.hasAttribute('role')).to.equal(false);
    expect(singleGroup.hasAttribute('aria-label')).to.equal(false);
  });

  it('reveals every error on submit and reports the first', async () => {
    const el = await fixture<PayCardForm>(
      html`<pay-card-form parts="number expiry cvc name"></pay-card-form>`,
    );
    const change = oneEvent(el, 'pay-form-change');
    el.reveal();
    const { detail } = await change;
    expect(detail.error.code).to.equal('incomplete_number');
    await el.updateComplete;
    const invalid = el.shadowRoot!.querySelectorAll('input[aria-invalid="true"]');
    expect(invalid.length).to.equal(4);
  });

  it('gives the group canonical values', async () => {
    const el = await fixture<PayCardForm>(
      html`<pay-card-form parts="number expiry cvc name"></pay-card-form>`,
    );
    el.inputOf('number')!.focus();
    await type('378282246310005');
    el.inputOf('expiry')!.focus();
    await type('1230');
    el.inputOf('cvc')!.focus();
    await type('1234');
    el.inputOf('name')!.focus();
    await type('Jane Doe');
    expect(el.values()).to.deep.equal([
      { part: 'number', value: '378282246310005' },
      { part: 'expiry', value: '12/2030' },
      { part: 'cvc', value: '1234' },
      { part: 'name', value: 'Jane Doe' },
    ]);
    expect(el.detail()).to.deep.equal({ empty: false, complete: true, valid: true, brand: 'amex' });
  });
});

describe('<pay-card-form> values that arrive without a keystroke', () => {
  /**
   * Autofill as it reaches a frame the customer is not in: no focus, no keystroke. Resolves once
   * the group has been asked and its answer applied; the guard first waits for the browser to
   * say where the frame is, which takes an IntersectionObserver round (100 ms and more).
   */
  async function fillFromElsewhere(
    el: PayCardForm,
    value: string,
    answer: boolean,
  ): Promise<{ input: HTMLInputElement; asked: number }> {
    let asked = 0;
    el.askGroup = () => (asked++, Promise.resolve(answer));
    const input = el.inputOf('number')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => asked > 0, 'the group was never asked', { timeout: 5000 });
    // The answer is applied in promise callbacks: a task later they have all run.
    await new Promise((resolve) => setTimeout(resolve));
    return { input, asked };
  }

  let hasFocus: typeof document.hasFocus;
  beforeEach(() => {
    hasFocus = document.hasFocus.bind(document);
    document.hasFocus = () => false;
  });
  afterEach(() => {
    document.hasFocus = hasFocus;
  });

  it('drops them when no frame of its group has the customer', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="number"></pay-card-form>`);
    const { input, asked } = await fillFromElsewhere(el, '4242424242424242', false);
    expect(asked).to.equal(1);
    expect(input.value).to.equal('');
    expect(el.values()).to.deep.equal([{ part: 'number', value: '', error: 'incomplete_number' }]);
    expect(el.detail().empty).to.equal(true);
  });

  it('takes them when a focused frame of its group answers', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="number"></pay-card-form>`);
    const { input } = await fillFromElsewhere(el, '5555555555554444', true);
    expect(input.value).to.equal('5555 5555 5555 4444');
    expect(el.detail().complete).to.equal(true);
  });

  /** Fills the CVC and leaves the group's answer to the test; resolves once the group is asked. */
  async function holdBack(el: PayCardForm): Promise<(yes: boolean) => Promise<void>> {
    let answer: ((yes: boolean) => void) | undefined;
    el.askGroup = () => new Promise((resolve) => (answer = resolve));
    const input = el.inputOf('cvc')!;
    input.value = '737';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Taken out of the input at once, before the group is even asked.
    expect(input.value).to.equal('');
    await waitUntil(() => answer, 'the group was never asked', { timeout: 5000 });
    return async (yes) => {
      answer!(yes);
      await new Promise((resolve) => setTimeout(resolve));
    };
  }

  it('keeps a value it holds back out of the input, where nothing can read it', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="cvc"></pay-card-form>`);
    const answer = await holdBack(el);
    const input = el.inputOf('cvc')!;
    // While the group is asked: not in the input, not in the values, not after a brand change.
    el.setBrand('amex');
    el.setBrand('visa');
    await el.updateComplete;
    expect(input.value).to.equal('');
    expect(el.values()).to.deep.equal([{ part: 'cvc', value: '', error: 'incomplete_cvc' }]);
    expect(el.detail().empty).to.equal(true);
    await answer(false);
    expect(input.value).to.equal('');
  });

  it('applies a held-back value once the group says yes', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="cvc"></pay-card-form>`);
    const answer = await holdBack(el);
    await answer(true);
    expect(el.inputOf('cvc')!.value).to.equal('737');
  });

  it('drops a held-back value when the input was cleared meanwhile', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="cvc"></pay-card-form>`);
    const answer = await holdBack(el);
    el.clear();
    await answer(true);
    expect(el.inputOf('cvc')!.value).to.equal('');
  });

  it('puts back the value it had, not an empty one', async () => {
    const el = await fixture<PayCardForm>(html`<pay-card-form parts="number"></pay-card-form>`);
    await fillFromElsewhere(el, '4242', true);
    const { input } = await fillFromElsewhere(el, '5555555555554444', false);
    expect(input.value).to.equal('4242');
  });
});

describe('<pay-card-form> height', () => {
  // The host reserves this height for the frame from the merchant's styles (fieldHeight() in
  // @pay/protocol), so the page does not move when the field shows: it must be the form's own.
  const cases: [string, FrameStyles][] = [
    ['number', {}],
    ['number', { '--pay-font-size': '22px' }],
    ['cvc', { '--pay-font-size': '18px', '--pay-line-height': '1.6' }],
    ['expiry', { '--pay-line-height': '30px', '--pay-padding': '12px 14px' }],
    ['number expiry cvc name', {}],
    ['number expiry cvc name', { '--pay-font-size': '20px', '--pay-padding': '6px' }],
  ];
  for (const [parts, styles] of cases) {
    it(`is fieldHeight() for ${parts} with ${JSON.stringify(styles)}`, async () => {
      const el = await fixture<PayCardForm>(
        html`<pay-card-form
          parts=${parts}
          style=${Object.entries(styles)
            .map(([name, value]) => `${name}: ${value}`)
            .join(';')}
        ></pay-card-form>`,
      );
      const kind = parts.includes(' ') ? 'card' : (parts as 'number' | 'cvc' | 'expiry');
      expect(Math.ceil(el.getBoundingClientRect().height)).to.equal(fieldHeight(kind, styles));
    });
  }
});
