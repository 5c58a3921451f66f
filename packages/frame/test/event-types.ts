// Compile-time checks of the frame's event names (`npm run typecheck -w @pay/frame`); never run.
// The typecheck fails once a line marked as an expected error compiles.
import type { HostLink } from '../src/host-link.js';
import { emitFormEvent, listenToForm } from '../src/components/card-form-events.js';

declare const bridge: HostLink;
declare const form: HTMLElement;

bridge.notify('resize', 40);
bridge.notify('focused');
// @ts-expect-error a misspelt notification
bridge.notify('focussed');
// @ts-expect-error resize takes a height
bridge.notify('resize');

emitFormEvent(form, 'pay-form-brand', 'visa');
emitFormEvent(form, 'pay-form-focus');
// @ts-expect-error a misspelt event name
emitFormEvent(form, 'pay-form-chnage', { empty: true, complete: false, valid: true });
// @ts-expect-error pay-form-change carries the state
emitFormEvent(form, 'pay-form-change');

const noop = () => {};
listenToForm(form, {
  'pay-form-change': (detail) => detail.complete satisfies boolean,
  'pay-form-value': noop,
  'pay-form-brand': (brand) => brand satisfies string | null,
  'pay-form-focus': noop,
  'pay-form-blur': noop,
  'pay-form-submit': noop,
});
// @ts-expect-error every event needs its listener
listenToForm(form, { 'pay-form-change': noop });
