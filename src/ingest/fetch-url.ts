/**
 * Fetches one URL for ingestion with a size limit (TRUCE_MAX_INPUT_BYTES), a time limit and a
 * bounded number of redirects, each followed by hand so every hop is checked (http/https only).
 */
import { TruceError } from '../core/errors.js';
import { maxInputBytes } from './decode.js';

export interface FetchLimits {
  readonly maxBytes?: number;
  /** Whole request, redirects and body included. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** Called before each request, redirects included; throws to refuse the URL (public-address.ts). */
  readonly checkUrl?: (url: URL) => Promise<void>;
}

export interface Fetched {
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** Throws an Error whose message is the reason (quarantined by the caller). */
export async function fetchBounded(url: string, limits: FetchLimits = {}): Promise<Fetched> {
  const maxBytes = limits.maxBytes ?? maxInputBytes();
  const timeoutMs = limits.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxRedirects = limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      if (!isHttpUrl(current)) throw new Error(`refusing to fetch ${current}: only http and https URLs`);
      await limits.checkUrl?.(new URL(current));
      const res = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': 'TruceMonitor/0.1 (+https://github.com/truce-monitor)', accept: '*/*' },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        if (hop >= maxRedirects) throw new Error(`more than ${maxRedirects} redirects`);
        current = new URL(res.headers.get('location')!, current).toString();
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel();
        throw new TruceError('E003_INPUT_TOO_LARGE', { what: current, size: declared, limit: maxBytes });
      }
      const bytes = await readCapped(res, current, maxBytes);
      return { url: current, bytes, contentType: res.headers.get('content-type') };
    }
  } catch (err) {
    if (signal.aborted) throw new Error(`timed out after ${timeoutMs} ms`, { cause: err });
    throw err;
  }
}

/** Reads the body chunk by chunk and stops as soon as the limit is passed. */
async function readCapped(res: Response, what: string, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TruceError('E003_INPUT_TOO_LARGE', { what, size: `more than ${maxBytes}`, limit: maxBytes });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
