// A hostile frame on a third origin inside the merchant page: it knows the gateway origin
// and the group id, and throws every message it can think of at the card frames and the page.
window.received = [];
window.addEventListener('message', (event) =>
  window.received.push({ origin: event.origin, data: event.data }),
);

window.forge = (gateway, group, hostOrigin) => {
  const penpal = (type, extra) => ({ namespace: 'penpal', channel: 'pay-field', type, ...extra });
  const toFrames = [
    { ns: 'pay-group', group, type: 'collect', id: 'forged' },
    { ns: 'pay-group', group, type: 'brand', brand: 'amex' },
    {
      ns: 'pay-group',
      group,
      type: 'values',
      id: 'forged',
      values: [{ part: 'number', value: '4000000000000002' }],
    },
    penpal('SYN', { participantId: 'zzzzzzzz' }),
    penpal('ACK1', { methodPaths: [['change']] }),
    penpal('CALL', { id: 'c1', methodPath: ['clear'], args: [] }),
    penpal('CALL', {
      id: 'c2',
      methodPath: ['tokenize'],
      args: [{ parts: ['number', 'expiry', 'cvc'] }],
    }),
  ];
  const frames = window.parent.frames;
  for (let i = 0; i < frames.length; i++) {
    if (frames[i] === window) continue;
    for (const message of toFrames) frames[i].postMessage(message, gateway);
  }
  const toHost = [
    penpal('SYN', { participantId: 'zzzzzzzz' }),
    penpal('CALL', {
      id: 'h1',
      methodPath: ['change'],
      args: [{ empty: true, complete: true, valid: true }],
    }),
    penpal('CALL', { id: 'h2', methodPath: ['resize'], args: [1] }),
  ];
  for (const message of toHost) window.parent.postMessage(message, hostOrigin);
};
