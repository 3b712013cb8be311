/**
 * Refuses URLs that lead into the machine's own networks (loopback, private, link-local, carrier
 * NAT, multicast, documentation and other special ranges), so a submitted URL cannot make the
 * server fetch from inside. Every address the host name resolves to is checked, before each hop.
 * (A name that resolves differently between this check and the connection, DNS rebinding, is not
 * caught: run the service behind an egress proxy where that matters.)
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const SPECIAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  SPECIAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  SPECIAL.addSubnet(net, bits, 'ipv6');

/** True for an address in a loopback, private or other special-purpose range. */
export function isSpecialAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return SPECIAL.check(address, 'ipv4');
  // An IPv4-mapped address (::ffff:a.b.c.d) reaches that IPv4 address; in hex form it is refused.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return SPECIAL.check(mapped[1] as string, 'ipv4');
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/i.test(address)) return true;
  return SPECIAL.check(address, 'ipv6');
}

/** Why the URL may not be fetched from a public service, or null when it may. */
export async function refusalOf(url: URL): Promise<string | null> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs';
  if (url.username || url.password) return 'URLs with a user name or password are not fetched';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `the host ${host} does not resolve`;
  }
  const inside = addresses.find(isSpecialAddress);
  return inside === undefined ? null : `${host} is a private or special address (${inside})`;
}
