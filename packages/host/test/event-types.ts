// Compile-time checks of the event maps (`npm run typecheck -w @pay/host`); never run. The
// typecheck fails once a line marked as an expected error compiles.
import type { PayCardFieldsElement } from '../src/index.js';
import { emitFieldEvent, emitGroupEvent } from '../src/pay-event.js';

declare const field: HTMLElement;
declare const group: PayCardFieldsElement;

emitFieldEvent(field, 'pay-change', { field: 'number', empty: true, complete: false, valid: true });
emitFieldEvent(field, 'pay-submit', { field: 'cvc' }, true);
emitGroupEvent(group, 'pay-ready', { fields: ['number', 'cvc'] });
emitGroupEvent(group, 'pay-error', { code: 'missing_gateway', message: '…' });

// @ts-expect-error a misspelt event name
emitFieldEvent(field, 'pay-chnage', { field: 'number', empty: true, complete: false, valid: true });
// @ts-expect-error pay-error is the group's, not a field's
emitFieldEvent(field, 'pay-error', { code: 'api_error', message: '…' });
// @ts-expect-error the group's pay-ready lists its fields
emitGroupEvent(group, 'pay-ready', { field: 'number' });

// Listeners on the page get the detail of the event they name.
group.addEventListener('pay-change', (event) => event.detail.complete satisfies boolean);
group.addEventListener('pay-error', (event) => event.detail.code satisfies string);
