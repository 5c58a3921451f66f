// Checks one recording of everything the merchant side observed: no channel may hold the
// card's number or CVC, and no typed length may cross to the page.
import type { Recording } from '../../lib/merchant-recorder.js';
import { leakIn } from '../../lib/merchant-page.js';
import type { Attempts } from '../../lib/results.js';
import type { TestCard } from '../../lib/test-cards.js';

export function checkRecords(
  result: Attempts,
  label: string,
  card: TestCard,
  records: Recording[],
  token: string | undefined,
): void {
  const channels = [
    'message',
    'port',
    'dom',
    'snapshot-dom',
    'console',
    'event',
    'storage',
    'form',
    'element',
    'request',
    'cookies',
    'server',
    'console-all-frames',
  ];
  for (const channel of channels) {
    const texts = records
      .filter((r) => r.channel === channel)
      .map((r) => (token ? r.text.split(token).join('tok_…') : r.text));
    const bad = texts.map((t) => ({ t, leak: leakIn(t, card) })).find((x) => x.leak);
    result.record(
      `${label}: ${channel} (${texts.length} records)`,
      bad && `${bad.leak} seen: ${bad.t.slice(0, 300)}`,
    );
  }
  // Rule 1 (docs/architecture.md) also forbids the digits' count as typed: no length-like number crosses to the page.
  const counted = records
    .filter((r) => r.channel === 'event' || r.channel === 'port' || r.channel === 'message')
    .find((r) => /"(length|len|digits|count|size|numberLength|cvcLength)"\s*:\s*\d/i.test(r.text));
  result.record(
    `${label}: no typed length reaches the page`,
    counted && counted.text.slice(0, 300),
  );
}
