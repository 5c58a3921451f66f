// The fill guard (fill-guard-controller.ts) on a plain host: a div with an input, placed on or off
// screen, or in a frame too small to be a field. `document.hasFocus()` is stubbed (as in
// card-form.test.ts): the test page's real focus depends on the runner, not on the test.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ReactiveController } from 'lit';
import { FillGuardController } from '../src/controllers/fill-guard-controller.js';
import { removeSiblingFrames, siblingFrame } from './sibling-frames.js';

type GuardModule = typeof import('../src/controllers/fill-guard-controller.js');
type GuardHost = ConstructorParameters<typeof FillGuardController>[0];

const MODULE = new URL('../src/controllers/fill-guard-controller.ts', import.meta.url).href;
const ON_SCREEN = 'width: 200px; height: 40px';
/** Where a script hides a group: in the layout, out of the viewport. */
const OFF_SCREEN = 'position: fixed; left: -3000px; top: 0; width: 200px; height: 40px';

interface Guarded {
  guard: FillGuardController;
  input: HTMLInputElement;
  /** What `admit()` said for each `input` event, in order. */
  verdicts: (boolean | Promise<boolean>)[];
}

const connected: { host: GuardHost; controllers: ReactiveController[] }[] = [];
let asked: number;
let groupSays: boolean;
const focus = new Map<Document, typeof document.hasFocus>();

/** Stubs `doc.hasFocus()`; restored after each test. */
function pageHasFocus(doc: Document, yes: boolean): void {
  if (!focus.has(doc)) focus.set(doc, doc.hasFocus.bind(doc));
  doc.hasFocus = () => yes;
}

/** A host div with one input in `doc`, its guard (of that document's realm), connected. */
function guarded(style: string, doc = document, Guard = FillGuardController): Guarded {
  const controllers: ReactiveController[] = [];
  const host = Object.assign(doc.createElement('div'), {
    addController: (controller: ReactiveController) => void controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  });
  const input = doc.createElement('input');
  host.append(input);
  host.setAttribute('style', style);
  Object.assign(host, { renderRoot: host });
  doc.body.append(host);
  const guard = new Guard(
    host as unknown as GuardHost,
    () => (asked++, Promise.resolve(groupSays)),
  );
  for (const controller of controllers) controller.hostConnected?.();
  connected.push({ host: host as unknown as GuardHost, controllers });
  const verdicts: Guarded['verdicts'] = [];
  host.addEventListener('input', () => verdicts.push(guard.admit(input)));
  return { guard, input, verdicts };
}

/** A value put in without a keystroke (autofill, a password manager). */
function fill(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('fill-guard-controller', () => {
  beforeEach(() => {
    asked = 0;
    groupSays = false;
  });

  afterEach(() => {
    for (const { host, controllers } of connected.splice(0)) {
      for (const controller of controllers) controller.hostDisconnected?.();
      host.remove();
    }
    for (const [doc, hasFocus] of focus) doc.hasFocus = hasFocus;
    focus.clear();
    removeSiblingFrames();
  });

  it('admits a keystroke at once, even off screen; a script’s edit or a fill after it is no keystroke', async () => {
    pageHasFocus(document, true);
    const { guard, input, verdicts } = guarded(OFF_SCREEN);
    input.focus();
    await sendKeys({ type: '4' });
    expect(input.value).to.equal('4');
    expect(verdicts).to.deep.equal([true]);

    // A beforeinput a script dispatches is not trusted.
    input.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, inputType: 'insertText' }));
    fill(input, '42');
    // Off screen, the frame never vouches for itself: the group is asked.
    groupSays = true;
    fill(input, '4242424242424242');
    expect(await Promise.all(verdicts.slice(1))).to.deep.equal([false, true]);
    expect(asked).to.equal(2);
    expect(guard.focused).to.equal(false);
  });

  it('a keystroke while the page has no focus is judged as a fill', async () => {
    pageHasFocus(document, false);
    const { input, verdicts } = guarded(ON_SCREEN);
    input.focus();
    await sendKeys({ type: '4' });
    await waitUntil(() => verdicts.length === 1, 'no input event', { timeout: 5000 });
    expect(await verdicts[0]).to.equal(false);
    expect(asked).to.equal(1);
  });

  it('waits for the IntersectionObserver, then takes a fill in this focused, visible frame', async () => {
    pageHasFocus(document, true);
    const { guard, input, verdicts } = guarded(ON_SCREEN);
    // Not known to be on screen yet: judged once the browser has said, not refused now.
    const early = guard.admitFill();
    expect(early).to.be.an.instanceOf(Promise);
    expect(guard.focused).to.equal(false);
    expect(await early).to.equal(true);
    expect(asked).to.equal(0);

    // Known now: at once, without asking the group.
    expect(await guard.customerHere()).to.equal(true);
    fill(input, '4242424242424242');
    expect(verdicts).to.deep.equal([true]);
    expect(asked).to.equal(0);
  });

  it('a frame without focus asks its group, and takes the value only if it says yes', async () => {
    pageHasFocus(document, false);
    const { guard, input, verdicts } = guarded(ON_SCREEN);
    expect(await guard.customerHere()).to.equal(false);
    fill(input, '4242424242424242');
    groupSays = true;
    fill(input, '5555555555554444');
    expect(await Promise.all(verdicts)).to.deep.equal([false, true]);
    expect(asked).to.equal(2);
  });

  it('off screen, a focused frame asks its group instead of vouching for itself', async () => {
    pageHasFocus(document, true);
    const { guard } = guarded(OFF_SCREEN);
    expect(await guard.customerHere()).to.equal(false);
    expect(guard.visible).to.equal(true);
    expect(await guard.admitFill()).to.equal(false);
    expect(asked).to.equal(1);
  });

  for (const size of ['width: 200px; height: 12px', 'width: 12px; height: 200px']) {
    it(`refuses a fill in a frame smaller than 16 px (${size}), without asking`, async () => {
      const { win } = await siblingFrame(MODULE, `${size}; border: 0`);
      const { FillGuardController: Guard } = win.loaded as GuardModule;
      pageHasFocus(win.document, true);
      const { guard, input, verdicts } = guarded(ON_SCREEN, win.document, Guard);
      expect(await guard.customerHere()).to.equal(false);
      expect(guard.visible).to.equal(false);
      fill(input, '4242424242424242');
      expect(verdicts).to.deep.equal([false]);
      expect(asked).to.equal(0);
    });
  }

  it('refuses a fill in a frame on screen but not seen, where the browser can tell', async () => {
    pageHasFocus(document, true);
    const { guard } = guarded(`${ON_SCREEN}; opacity: 0.5`);
    await guard.customerHere();
    // IntersectionObserver v2 (Chromium) says whether the target is seen; without it nothing is
    // known, and nothing is refused.
    const seenIsKnown = 'isVisible' in IntersectionObserverEntry.prototype;
    expect(guard.visible).to.equal(!seenIsKnown);
    expect(await guard.admitFill()).to.equal(!seenIsKnown);
    expect(asked).to.equal(0);
  });
});
