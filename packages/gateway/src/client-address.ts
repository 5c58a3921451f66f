import { isIP } from 'node:net';

/** Longest non-address string kept as a bucket name (a spoofed X-Forwarded-For can be anything). */
const MAX_OTHER_LENGTH = 64;

/** The eight 16-bit groups of a valid IPv6 address (zone dropped, dotted IPv4 tail included). */
function ipv6Groups(address: string): number[] {
  const bare = address.split('%', 1)[0] ?? '';
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(bare);
  let text = bare;
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${bare.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The rate-limit bucket of a client address. One IPv6 customer is usually given a whole /64,
 * so its first four groups name the bucket; an IPv4-mapped address (`::ffff:a.b.c.d`, how a
 * dual-stack socket reports IPv4 clients) is that IPv4 address.
 */
export function addressBucket(address: string | undefined): string {
  if (address === undefined) return '';
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return `other:${address.slice(0, MAX_OTHER_LENGTH)}`;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
