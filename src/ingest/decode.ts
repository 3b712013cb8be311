/**
 * Turns the bytes of one report into text, refusing with a clear error what is not a text report:
 * empty input, a binary file, invalid UTF-8 (unless another encoding is named) or too large a file.
 */
import { TextDecoder } from 'node:util';
import type { MediaType } from '../core/document.js';
import { TruceError } from '../core/errors.js';

/** Documented in the README: reports above this size are refused (10 MiB). */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.TRUCE_MAX_INPUT_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_INPUT_BYTES;
}

const MAGIC: ReadonlyArray<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or an Office document)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable' },
];

function binaryReason(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    if (m.bytes.every((b, i) => bytes[i] === b)) return `it starts like ${m.what}`;
  }
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'it contains NUL bytes';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return head.length > 0 && control / head.length > 0.1
    ? `${Math.round((control / head.length) * 100)}% of its first bytes are control characters`
    : null;
}

/** Lead-byte ranges of UTF-8 sequences: how many continuation bytes follow, the smallest code point. */
const SEQUENCES = [
  { lo: 0x00, hi: 0x7f, extra: 0, min: 0 },
  { lo: 0xc2, hi: 0xdf, extra: 1, min: 0x80 },
  { lo: 0xe0, hi: 0xef, extra: 2, min: 0x800 },
  { lo: 0xf0, hi: 0xf4, extra: 3, min: 0x10000 },
] as const;

/** Byte offset where the first invalid UTF-8 sequence starts (-1 when the bytes are valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const shape = SEQUENCES.find((q) => b >= q.lo && b <= q.hi);
    if (!shape) return i;
    const { extra, min } = shape;
    if (i + extra >= bytes.length && extra > 0) return i;
    let code = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += extra + 1;
  }
  return -1;
}

function makeDecoder(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding, { fatal: encoding.toLowerCase().replace('-', '') === 'utf8' });
  } catch {
    throw new TruceError('E011_UNKNOWN_ENCODING', { encoding });
  }
}

export interface DecodeOptions {
  /** Shown in error messages, e.g. the file name or "standard input". */
  readonly what: string;
  readonly encoding?: string;
  readonly maxBytes?: number;
}

export function decodeReportBytes(bytes: Uint8Array, options: DecodeOptions): string {
  const { what } = options;
  const limit = options.maxBytes ?? maxInputBytes();
  if (bytes.length > limit) throw new TruceError('E003_INPUT_TOO_LARGE', { what, size: bytes.length, limit });
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const reason = binaryReason(bytes);
    if (reason) throw new TruceError('E004_INPUT_BINARY', { what, reason });
    const encoding = options.encoding ?? 'utf-8';
    try {
      text = makeDecoder(encoding).decode(bytes);
    } catch (err) {
      if (err instanceof TruceError) throw err;
      throw new TruceError('E005_INPUT_ENCODING', { what, encoding: 'UTF-8', offset: firstInvalidUtf8(bytes) });
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new TruceError('E002_INPUT_EMPTY', { what });
  return text;
}

const HTML_EXTENSIONS = /\.(x?html?|php|aspx?)$/i;

/** HTML when the name says so or the text starts like a web page. */
export function sniffMediaType(text: string, name?: string): MediaType {
  if (name && HTML_EXTENSIONS.test(name)) return 'text/html';
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|article|div|p)[\s>]/.test(head)) {
    return 'text/html';
  }
  return 'text/plain';
}
