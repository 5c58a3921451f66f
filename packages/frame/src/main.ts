/** Entry of the field frame app: read the start parameters, then draw the field. */
import { readFrameParams } from '@pay/protocol';
import './components/field-frame.js';

const params = readFrameParams(location.hash);
if (params) {
  const app = document.createElement('pay-field-frame');
  app.params = params;
  document.body.append(app);
} else {
  console.error(
    'pay: this page is a card field frame; it is opened by the pay.js SDK, not directly.',
  );
}
