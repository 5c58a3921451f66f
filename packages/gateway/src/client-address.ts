import ipaddr from 'ipaddr.js';

/** Longest non-address string kept as a bucket name (a spoofed X-Forwarded-For can be anything). */
const MAX_OTHER_LENGTH = 64;

/**
 * The rate-limit bucket of a client address. One IPv6 customer is usually given a whole /64,
 * so its first four groups name the bucket; an IPv4-mapped address (`::ffff:a.b.c.d`, how a
 * dual-stack socket reports IPv4 clients) is that IPv4 address.
 */
export function addressBucket(address: string | undefined): string {
  if (address === undefined) return '';
  // Zone ids (`%eth0`) name an interface, not a client.
  const bare = address.split('%', 1)[0] ?? '';
  if (!ipaddr.isValid(bare)) return `other:${address.slice(0, MAX_OTHER_LENGTH)}`;
  const parsed = ipaddr.process(bare); // IPv4-mapped IPv6 becomes IPv4
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const groups = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((g) => g.toString(16));
  return `${groups.join(':')}::/64`;
}
