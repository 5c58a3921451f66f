/**
 * The field frame app, loaded by the entry script once it has opened the link to the host:
 * loads the strings of the locale, then draws the field (so it never shows English first).
 */
import type { FrameParams } from '@pay/protocol';
import './components/field-frame.js';
import { setDirection, setLocale } from './i18n/frame-locale.js';
import type { HostLink } from './host-link.js';

export function startApp(params: FrameParams, link: HostLink): void {
  setDirection(params.dir);
  void setLocale(params.locale).then(() => {
    const app = document.createElement('pay-field-frame');
    app.params = params;
    app.link = link;
    document.body.append(app);
  });
}
