// LocaleController (locale-controller.ts) on a counting host: every change of the frame's
// language, direction or overrides re-renders the host and calls its onChange, only while it
// is connected; a change to the same value is none.
import './served-english.js';
import { expect } from '@open-wc/testing';
import { LocaleController } from '../src/controllers/locale-controller.js';
import { setDirection, setLocale, setOverrides, t } from '../src/i18n/frame-locale.js';
import { CountingHost as Host } from './counting-host.js';

describe('locale-controller', () => {
  let host: Host;
  let changes: number;

  beforeEach(() => {
    // The same start for every test: no overrides, left to right, English.
    setOverrides({});
    setDirection('ltr');
    host = new Host();
    changes = 0;
    new LocaleController(host, () => changes++);
  });

  afterEach(async () => {
    host.disconnect();
    setOverrides({});
    setDirection('ltr');
    await setLocale('en');
  });

  it('adds itself to its host and does nothing before it is connected', () => {
    expect(host.controllers).to.have.length(1);
    setDirection('rtl');
    expect(host.updates).to.equal(0);
    expect(changes).to.equal(0);
  });

  it('re-renders and tells on a new language, direction or overrides', async () => {
    host.connect();
    await setLocale('fr');
    expect([host.updates, changes]).to.deep.equal([1, 1]);
    // The host re-renders with the new strings already in place.
    expect(t('number_label')).to.not.equal('Card number');
    setDirection('rtl');
    expect([host.updates, changes]).to.deep.equal([2, 2]);
    setOverrides({ number_label: 'Numéro' });
    expect([host.updates, changes]).to.deep.equal([3, 3]);
  });

  it('the same language, direction or overrides again change nothing', async () => {
    setOverrides({ number_label: 'Numéro' });
    host.connect();
    await setLocale('en');
    setDirection('ltr');
    setOverrides({ number_label: 'Numéro' });
    expect([host.updates, changes]).to.deep.equal([0, 0]);
  });

  it('stops listening once disconnected, and listens once again when reconnected', () => {
    host.connect();
    host.disconnect();
    setDirection('rtl');
    expect([host.updates, changes]).to.deep.equal([0, 0]);
    host.connect();
    setDirection('ltr');
    expect([host.updates, changes]).to.deep.equal([1, 1]);
  });

  it('works without an onChange', () => {
    const quiet = new Host();
    new LocaleController(quiet);
    quiet.connect();
    setDirection('rtl');
    expect(quiet.updates).to.equal(1);
    quiet.disconnect();
  });
});
