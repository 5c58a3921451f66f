// What the hostile origin and the merchant origin serve in this family: the attacker's script
// (forged messages, tampering), a victim page that frames it, two groups on one page, a page
// embedding the gateway's frames while lying about its origin, a group thief.
import type { GatewayRun } from '../../lib/gateway-process.js';
import { merchantPage } from '../../lib/merchant-page.js';

/** The attacker's script: runs in a third-origin frame or page. Plain JS, served as a file. */
export const FORGER_JS = String.raw`
window.received = [];
addEventListener('message', (e) => {
  let text;
  try { text = JSON.stringify(e.data); } catch { text = String(e.data); }
  window.received.push(e.origin + ' ' + String(text).slice(0, 5000));
});
const call = (n, method, args) => ({ call: n, method, args });
const tell = (method, args) => ({ tell: method, args });
window.forgedMessages = (group) => {
  const deep = {}; let cur = deep; for (let i = 0; i < 2000; i++) { cur.a = {}; cur = cur.a; }
  return [
    { ns: 'pay-group', group, key: '', type: 'collect', id: 'forged1' },
    { ns: 'pay-group', group, key: 'pk_test_attacker', type: 'brand', brand: 'amex' },
    { ns: 'pay-group', group, key: '', type: 'values', id: 'forged1', values: [{ part: 'number', value: '4000000000000002' }] },
    // The field protocol: a hello (with a made-up frame id), a gone, and RPC messages sent where
    // only a port carries them.
    { ns: 'pay-field', type: 'hello', id: 'forgedframe01', look: { height: 1, title: 'x' } },
    { ns: 'pay-field', type: 'gone' },
    call(1, 'clear', []),
    call(2, 'tokenize', [{ parts: ['number', 'expiry', 'cvc'] }]),
    call(3, 'configure', [{ label: 'x', publishableKey: 'pk_test_attacker', styles: { '--pay-color': 'url(https://evil.example/x)' } }]),
    call(4, 'constructor', ['return 1']),
    call(5, '__proto__', []),
    tell('resize', [1]),
    tell('change', [{ empty: false, complete: true, valid: true, brand: 'visa' }]),
    null, undefined, 0, '', 'x'.repeat(2 * 1024 * 1024), [1, 2, 3], { ns: 'pay-field' }, deep,
    { ns: 'pay-group', group, key: '', type: 'values', id: 'x', values: Array.from({ length: 100000 }, () => ({ part: 'number', value: '4' })) },
    new ArrayBuffer(1024 * 1024),
  ];
};
/** Everything, to every frame of the parent page and to the parent itself. */
window.attack = (gateway, group, hostOrigin) => {
  let sent = 0;
  const frames = window.parent.frames;
  for (let round = 0; round < 2; round++) {
    for (const message of window.forgedMessages(group)) {
      for (let i = 0; i < frames.length; i++) {
        if (frames[i] === window) continue;
        for (const target of [gateway, '*']) { try { frames[i].postMessage(message, target); sent++; } catch {} }
      }
      for (const target of [hostOrigin, '*']) { try { window.parent.postMessage(message, target); sent++; } catch {} }
    }
  }
  // A hello that hands the host a port the forger holds: obeyed, the field would show as ready
  // and the forger could tell it a state, a size, a submit. Same to the frames (which take no
  // hello at all): obeyed, the forger could call them.
  const ports = (target, origin, data) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => window.received.push('port ' + JSON.stringify(e.data).slice(0, 5000));
    try { target.postMessage(data, origin, [channel.port2]); sent++; } catch {}
    channel.port1.postMessage(call(7, 'tokenize', [{ parts: ['number', 'expiry', 'cvc'] }]));
    channel.port1.postMessage(tell('resize', [1]));
    channel.port1.postMessage(tell('change', [{ empty: false, complete: true, valid: true, brand: 'visa' }]));
    channel.port1.postMessage(tell('submit', []));
  };
  const hello = { ns: 'pay-field', type: 'hello', id: 'forgedframe01', look: { height: 1, title: 'x' } };
  for (let i = 0; i < frames.length; i++) if (frames[i] !== window) ports(frames[i], gateway, hello);
  ports(window.parent, hostOrigin, hello);
  return sent;
};
/** Tries to read or replace a sibling frame; answers what happened. */
window.tamper = () => {
  const out = [];
  const frames = window.parent.frames;
  for (let i = 0; i < frames.length; i++) {
    if (frames[i] === window) continue;
    try { out.push('read:' + frames[i].document.body.innerHTML.slice(0, 100)); } catch { out.push('read:blocked'); }
    try { frames[i].location.href = location.origin + '/phish.html'; out.push('navigate:allowed?'); } catch { out.push('navigate:blocked'); }
  }
  return out;
};
`;

export function victimPage(gw: GatewayRun, hostileOrigin: string): string {
  return merchantPage(
    gw.url,
    gw.publishableKey,
    'split',
    `<iframe id="forger" title="ad" src="${hostileOrigin}/forger.html"></iframe>`,
  );
}

export function twoGroupsPage(gw: GatewayRun): string {
  const group = (id: string) =>
    `<pay-card-fields id="${id}" publishable-key="${gw.publishableKey}"><pay-card-number class="${id}"></pay-card-number><pay-card-expiry class="${id}"></pay-card-expiry><pay-card-cvc class="${id}"></pay-card-cvc></pay-card-fields>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two groups</title><script type="module" src="${gw.url}/sdk/v1/pay.js"></script></head><body>${group('a')}${group('b')}</body></html>`;
}

/** A third-origin page that embeds gateway frames itself, lying about its origin. */
export function embedderPage(gw: GatewayRun, claimedOrigin: string): string {
  const src = (kind: string) =>
    `${gw.url}/frame/v1/en/${kind}.html#${new URLSearchParams({
      origin: claimedOrigin,
      group: 'hostilegroup01',
      id: `hostile${kind}01`,
      config: JSON.stringify({ label: '', publishableKey: gw.publishableKey }),
    })}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedder</title><script src="/forger.js"></script></head><body>
<iframe id="n" title="n" src="${src('number')}"></iframe><iframe id="e" title="e" src="${src('expiry')}"></iframe><iframe id="c" title="c" src="${src('cvc')}"></iframe></body></html>`;
}

/** A page on the hostile origin that uses the real SDK with a group id copied from the victim. */
export function groupThiefPage(gw: GatewayRun): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Thief</title><script type="module" src="${gw.url}/sdk/v1/pay.js"></script></head><body>
<div id="slot"></div><script type="module" src="/thief.js"></script></body></html>`;
}

export const THIEF_JS = String.raw`
await customElements.whenDefined('pay-card-fields');
const group = document.createElement('pay-card-fields');
group.id = 'group';
group.setAttribute('publishable-key', new URLSearchParams(location.search).get('pk'));
group.groupId = new URLSearchParams(location.search).get('group');
group.innerHTML = '<pay-card-number></pay-card-number><pay-card-expiry></pay-card-expiry><pay-card-cvc></pay-card-cvc>';
document.getElementById('slot').append(group);
window.thiefReady = true;
`;
