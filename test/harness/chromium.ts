// Debian's Chromium as every suite and the bench launch it (browser downloads cannot work on
// these machines): quiet about the network, no component updates, no first-run UI.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
