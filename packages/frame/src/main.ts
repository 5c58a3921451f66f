/**
 * Entry of the field frame app: read the start parameters, load the strings of the locale,
 * then draw the field (so it never shows English first).
 */
import { readFrameParams } from '@pay/protocol';
import './components/field-frame.js';
import { setDirection, setLocale } from './i18n/frame-locale.js';

const params = readFrameParams(location.hash);
if (params) {
  setDirection(params.dir);
  void setLocale(params.locale).then(() => {
    const app = document.createElement('pay-field-frame');
    app.params = params;
    document.body.append(app);
  });
} else {
  console.error(
    'pay: this page is a card field frame; it is opened by the pay.js SDK, not directly.',
  );
}
