/**
 * Refuses URLs that lead into the machine's own networks (loopback, private, link-local, carrier
 * NAT, multicast, documentation and other special ranges), so a submitted URL cannot make the
 * server fetch from inside.
 *
 * The check is made where the connection is made: `guardedLookup` is the `lookup` of the socket,
 * so the host name is resolved ONCE per connection, every address it answers is checked, and the
 * socket connects to one of exactly those addresses. A name that answers a public address to a
 * first query and 127.0.0.1 to the next (DNS rebinding) gains nothing: there is no second query.
 * Literal addresses in URLs (any form the URL parser accepts: 2130706433, 0177.0.0.1, 0x7f.1,
 * [::ffff:127.0.0.1]) are normalised by the parser and checked before connecting. Ports are
 * limited too: 80 and 443 unless the policy names more (`portRefusal`), checked before connecting
 * (docs/adr/0011-url-fetching.md).
 */
import { lookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
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
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  SPECIAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT)
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23], // IETF protocol assignments, Teredo among them
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  SPECIAL.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tail allowed), or null. */
function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = (dotted[1] as string).split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = parse(tail);
  const groups = tail === undefined ? h : [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 ? groups : null;
}

const ipv4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** True for an address in a loopback, private or other special-purpose range (and for non-addresses). */
export function isSpecialAddress(address: string): boolean {
  // A zone (fe80::1%eth0) only goes with link-local and other on-link addresses.
  if (address.includes('%')) return true;
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return SPECIAL.check(address, 'ipv4');
  const g = ipv6Groups(address);
  if (!g) return true;
  // IPv4-mapped (::ffff:a.b.c.d, in dotted or hex form) reaches that IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return SPECIAL.check(ipv4Of(g[6]!, g[7]!), 'ipv4');
  // 6to4 (2002:AABB:CCDD::/16) carries an IPv4 address too.
  if (g[0] === 0x2002 && SPECIAL.check(ipv4Of(g[1]!, g[2]!), 'ipv4')) return true;
  return SPECIAL.check(address, 'ipv6');
}

/**
 * Which special addresses, and which ports besides 80 and 443, may be reached anyway. All are for
 * tests and closed networks only.
 */
export interface AddressPolicy {
  /** Every address may be reached (no address check; ports are still checked). Default false. */
  readonly allowPrivate?: boolean;
  /** These exact addresses may be reached although special (a test's loopback server). */
  readonly allowAddresses?: readonly string[];
  /** These ports may be reached besides 80 and 443 (a test's server on a random port). Default none. */
  readonly allowPorts?: readonly number[];
}

/** The ports a policy allows without being told: plain HTTP's and HTTPS's. */
export const DEFAULT_PORTS: readonly number[] = [80, 443];

/** The port a URL connects to: its explicit one, or its scheme's (80 for http, 443 for https). */
export function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** Why a connection to this URL's port is refused under the policy, or null when it may be made. */
export function portRefusal(url: URL, policy: AddressPolicy = {}): string | null {
  const port = portOf(url);
  if (DEFAULT_PORTS.includes(port) || policy.allowPorts?.includes(port)) return null;
  return `port ${port} is not allowed (only ports 80 and 443 are fetched)`;
}

/** Why a connection to this address (of this host) is refused, or null when it may be made. */
export function addressRefusal(host: string, address: string, policy: AddressPolicy = {}): string | null {
  if (policy.allowPrivate) return null;
  if (policy.allowAddresses?.includes(address)) return null;
  return isSpecialAddress(address) ? `${host} is a private or special address (${address})` : null;
}

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to all its addresses. Tests inject their own (no real DNS). */
export type Resolver = (host: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** Thrown (through the socket) when a host, address or port is refused; fetch-url.ts turns it into E028. */
export class AddressRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AddressRefused';
  }
}

/** The host of a URL without the brackets of an IPv6 literal. */
export const bareHost = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Why a URL is refused before any address is looked at (scheme, credentials), or null. */
export function urlRefusal(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs';
  if (url.username || url.password) return 'URLs with a user name or password are not fetched';
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/http/https sockets: resolves the name once with `resolve`, refuses the whole
 * name if ANY of its addresses is refused (so no retry or family fallback can land inside), and
 * hands the socket exactly the addresses it checked.
 */
export function guardedLookup(resolve: Resolver, policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const addresses = found.filter((a) => wanted === 0 || a.family === wanted);
        if (addresses.length === 0) {
          const e: NodeJS.ErrnoException = new Error(`the host ${hostname} does not resolve`);
          e.code = 'ENOTFOUND';
          return callback(e, '');
        }
        for (const a of found) {
          const reason = addressRefusal(hostname, a.address, policy);
          if (reason) return callback(new AddressRefused(reason), '');
        }
        if (options.all)
          return callback(
            null,
            addresses.map((a) => ({ address: a.address, family: a.family })),
          );
        const first = addresses[0] as ResolvedAddress;
        return callback(null, first.address, first.family);
      },
      () => {
        const e: NodeJS.ErrnoException = new Error(`the host ${hostname} does not resolve`);
        e.code = 'ENOTFOUND';
        callback(e, '');
      },
    );
  };
}

/**
 * Why the URL may not be fetched, or null when it may: scheme, credentials, every address its
 * host resolves to, then its port (80 and 443 unless the policy allows more). A pre-check only (for a clear answer before any work); the connection itself
 * is guarded by guardedLookup, which is what stops rebinding.
 */
export async function refusalOf(
  url: URL,
  options: { resolve?: Resolver; policy?: AddressPolicy } = {},
): Promise<string | null> {
  const early = urlRefusal(url);
  if (early) return early;
  const host = bareHost(url);
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await (options.resolve ?? systemResolver)(host)).map((a) => a.address);
  } catch {
    return `the host ${host} does not resolve`;
  }
  if (addresses.length === 0) return `the host ${host} does not resolve`;
  for (const a of addresses) {
    const reason = addressRefusal(host, a, options.policy);
    if (reason) return reason;
  }
  return portRefusal(url, options.policy);
}
