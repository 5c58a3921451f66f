// A hostile frame on a third origin inside the merchant page: it knows the gateway origin
// and the group id, and throws every message it can think of at the card frames and the page.
window.received = [];
window.addEventListener('message', (event) =>
  window.received.push({ origin: event.origin, data: event.data }),
);

window.forge = (gateway, group, hostOrigin) => {
  const hello = {
    ns: 'pay-field',
    type: 'hello',
    id: 'forgedframe01',
    look: { height: 1, title: 'x' },
  };
  const calls = [
    { call: 1, method: 'clear', args: [] },
    { call: 2, method: 'tokenize', args: [{ parts: ['number', 'expiry', 'cvc'] }] },
  ];
  const tells = [
    { tell: 'change', args: [{ empty: true, complete: true, valid: true }] },
    { tell: 'resize', args: [1] },
  ];
  const toFrames = [
    { ns: 'pay-group', group, key: '', type: 'collect', id: 'forged' },
    { ns: 'pay-group', group, key: '', type: 'brand', brand: 'amex' },
    {
      ns: 'pay-group',
      group,
      key: '',
      type: 'values',
      id: 'forged',
      values: [{ part: 'number', value: '4000000000000002' }],
    },
    hello,
    { ns: 'pay-field', type: 'gone' },
    ...calls,
  ];
  /** A hello handing over a port the forger holds, and what it would say over it. */
  const withPort = (target, origin) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => window.received.push({ origin: 'port', data: event.data });
    target.postMessage(hello, origin, [channel.port2]);
    for (const message of [...calls, ...tells]) channel.port1.postMessage(message);
  };
  const frames = window.parent.frames;
  for (let i = 0; i < frames.length; i++) {
    if (frames[i] === window) continue;
    for (const message of toFrames) frames[i].postMessage(message, gateway);
    withPort(frames[i], gateway);
  }
  for (const message of [hello, { ns: 'pay-field', type: 'gone' }, ...tells])
    window.parent.postMessage(message, hostOrigin);
  withPort(window.parent, hostOrigin);
};
