/**
 * Fetches one URL for ingestion with a size limit (TRUCE_MAX_INPUT_BYTES), a time limit and a
 * bounded number of redirects, each followed by hand so every hop is checked (http/https only).
 *
 * With an address policy (`addresses`), the socket's own `lookup` resolves the host once and checks
 * every address it answers (public-address.ts: guardedLookup), and a literal address is checked
 * before connecting: the connection goes to exactly an address that was checked, whatever the name
 * answers to another query (DNS rebinding). Host header and TLS SNI keep the name. One socket per
 * request (no agent pool), so no connection made under another policy is ever reused.
 */
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { TruceError } from '../core/errors.js';
import { maxInputBytes } from './decode.js';
import {
  AddressRefused,
  addressRefusal,
  bareHost,
  guardedLookup,
  systemResolver,
  type AddressPolicy,
  type Resolver,
} from './public-address.js';

export interface FetchLimits {
  readonly maxBytes?: number;
  /** Whole request, redirects and body included. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** Called before each request, redirects included; throws to refuse the URL. */
  readonly checkUrl?: (url: URL) => Promise<void>;
  /**
   * Refuse loopback, private and other special addresses, checked at connection time on every hop
   * (E028). Absent: any address (the CLI fetching what its own user named).
   */
  readonly addresses?: AddressPolicy;
  /** How host names are resolved (default the system's; tests inject a fake, never real DNS). */
  readonly resolve?: Resolver;
}

export interface Fetched {
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'TruceMonitor/0.1 (+https://github.com/truce-monitor)';

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** Throws an Error whose message is the reason (quarantined by the caller); E028 for a refused address. */
export async function fetchBounded(url: string, limits: FetchLimits = {}): Promise<Fetched> {
  const maxBytes = limits.maxBytes ?? maxInputBytes();
  const timeoutMs = limits.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxRedirects = limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      if (!isHttpUrl(current)) throw new Error(`refusing to fetch ${current}: only http and https URLs`);
      const target = new URL(current);
      await limits.checkUrl?.(target);
      const res = await get(target, limits, signal);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.destroy();
        if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
        current = new URL(location, current).toString();
        continue;
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        throw new Error(`HTTP ${status} ${res.statusMessage ?? ''}`.trim());
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.destroy();
        throw new TruceError('E003_INPUT_TOO_LARGE', { what: current, size: declared, limit: maxBytes });
      }
      const bytes = await readCapped(res, current, maxBytes);
      return { url: current, bytes, contentType: res.headers['content-type'] ?? null };
    }
  } catch (err) {
    if (err instanceof AddressRefused) throw new TruceError('E028_URL_REFUSED', { url: current, reason: err.reason });
    if (signal.aborted) throw new Error(`timed out after ${timeoutMs} ms`, { cause: err });
    throw err;
  }
}

/** One GET on its own socket, to an address checked by the policy (when there is one). */
function get(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const host = bareHost(url);
  const policy = limits.addresses;
  if (policy && isIP(host)) {
    const reason = addressRefusal(host, host, policy);
    if (reason) return Promise.reject(new AddressRefused(reason));
  }
  const options: RequestOptions = {
    method: 'GET',
    hostname: host,
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers: { 'user-agent': USER_AGENT, accept: '*/*', 'accept-encoding': 'identity' },
    agent: false,
    signal,
  };
  if (policy || limits.resolve) options.lookup = guardedLookup(limits.resolve ?? systemResolver, policy ?? ALL);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(options, resolve);
    req.on('error', reject);
    req.end();
  });
}

const ALL: AddressPolicy = { allowPrivate: true };

/** Reads the body chunk by chunk and stops as soon as the limit is passed. */
async function readCapped(res: IncomingMessage, what: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      res.destroy();
      throw new TruceError('E003_INPUT_TOO_LARGE', { what, size: `more than ${maxBytes}`, limit: maxBytes });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
