/**
 * Fetches one URL for ingestion with a size limit (TRUCE_MAX_INPUT_BYTES), a time limit and a
 * bounded number of redirects, each followed by hand so every hop is checked (http/https only).
 *
 * With an address policy (`addresses`), the socket's own `lookup` resolves the host once and checks
 * every address it answers (public-address.ts: guardedLookup), and a literal address is checked
 * before connecting: the connection goes to exactly an address that was checked, whatever the name
 * answers to another query (DNS rebinding). Host header and TLS SNI keep the name. One socket per
 * request (no agent pool), so no connection made under another policy is ever reused. Under a policy
 * only ports 80 and 443 are connected to (`allowPorts` adds more), checked on every hop before
 * connecting.
 *
 * Bodies may come compressed (gzip, deflate in the zlib format or raw, br): they are decoded as they stream with node:zlib, and
 * the size limit applies to the raw bytes AND to the decoded ones, so a decompression bomb stops at
 * the limit; `bytes` are the decoded body. Any other content-encoding is refused.
 */
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import { TruceError } from '../core/errors.js';
import { maxInputBytes } from './decode.js';
import { createDeflateDecoder } from './deflate-decoder.js';
import {
  AddressRefused,
  addressRefusal,
  bareHost,
  guardedLookup,
  portRefusal,
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
   * Refuse loopback, private and other special addresses, checked at connection time on every hop,
   * and ports other than 80, 443 and the policy's `allowPorts`, checked before connecting (E028).
   * Absent: any address and any port (the CLI fetching what its own user named).
   */
  readonly addresses?: AddressPolicy;
  /** How host names are resolved (default the system's; tests inject a fake, never real DNS). */
  readonly resolve?: Resolver;
}

export interface Fetched {
  readonly url: string;
  /** The body as served, content-encoding (gzip, deflate, br) decoded. */
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'TruceMonitor/0.1 (+https://github.com/truce-monitor)';
/** The content-encodings we ask for and decode. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** At most this many encodings stacked on one body (e.g. `gzip, br`); more is refused. */
const MAX_CODINGS = 2;

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * Throws an Error whose message is the reason (quarantined by the caller); E028 for a refused address
 * or port, E003 when the raw or the decoded body passes the size limit.
 */
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
      const codings = contentCodings(res.headers['content-encoding']);
      const unknown = codings.find((c) => !DECODERS[c]);
      if (unknown !== undefined || codings.length > MAX_CODINGS) {
        res.destroy();
        throw new Error(
          unknown !== undefined
            ? `unsupported content-encoding "${unknown}" (only gzip, deflate and br are decoded)`
            : `more than ${MAX_CODINGS} content-encodings (${codings.join(', ')})`,
        );
      }
      const bytes = await readCapped(res, current, maxBytes, codings);
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
  if (policy) {
    const reason = portRefusal(url, policy);
    if (reason) return Promise.reject(new AddressRefused(reason));
  }
  const options: RequestOptions = {
    method: 'GET',
    hostname: host,
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers: { 'user-agent': USER_AGENT, accept: '*/*', 'accept-encoding': ACCEPT_ENCODING },
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

/** The decoders of the content-codings we accept (node:zlib streams). */
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  // The zlib format, or raw deflate as some servers send it (deflate-decoder.ts).
  deflate: createDeflateDecoder,
  br: createBrotliDecompress,
};

/** The content-codings of a response in the order they were applied (`identity` dropped). */
function contentCodings(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

/**
 * Reads the body chunk by chunk, decoding it as it streams, and stops as soon as the raw bytes or
 * the decoded bytes pass the limit: a compressed bomb is never decoded further than the limit (the
 * decoders only run as far as their output is read).
 */
async function readCapped(
  res: IncomingMessage,
  what: string,
  maxBytes: number,
  codings: readonly string[],
): Promise<Uint8Array> {
  const tooLarge = () =>
    new TruceError('E003_INPUT_TOO_LARGE', { what, size: `more than ${maxBytes}`, limit: maxBytes });
  let raw = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      raw += chunk.byteLength;
      if (raw > maxBytes) done(tooLarge());
      else done(null, chunk);
    },
  });
  // Applied in header order, so undone in reverse.
  const decoders = [...codings].reverse().map((c) => (DECODERS[c] as () => Transform)());
  const body: Readable = decoders.at(-1) ?? counted;
  let failure: Error | undefined;
  pipeline([res, counted, ...decoders], (err) => {
    if (err) failure ??= err;
  });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (err) {
    const cause = err instanceof TruceError ? err : (failure ?? (err as Error));
    if (cause instanceof TruceError) throw cause;
    if (isZlibError(cause)) throw new Error(`corrupt ${codings.join(', ')} body: ${cause.message}`, { cause: err });
    throw cause;
  } finally {
    res.destroy();
    body.destroy();
  }
  return Buffer.concat(chunks);
}

/** A decoder's complaint about its input (zlib's Z_* codes, brotli's ERR_*_ERROR_* ones). */
function isZlibError(err: Error): boolean {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return /^Z_/.test(code) || /^ERR__?ERROR_/.test(code) || code === 'ERR_BROTLI_DECOMPRESSION_FAILED';
}
