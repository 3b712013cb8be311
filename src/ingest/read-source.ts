/** Reads a report from a file or standard input, with the size limit applied before reading. */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import type { MediaType } from '../core/document.js';
import { TruceError } from '../core/errors.js';
import { decodeReportBytes, maxInputBytes, sniffMediaType } from './decode.js';

export interface SourceText {
  readonly text: string;
  readonly mediaType: MediaType;
  readonly name: string;
}

function readAllBounded(fd: number, what: string, limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((err as NodeJS.ErrnoException).code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    total += n;
    // Stop reading as soon as the limit is passed: a 1 GB stream is not held in memory.
    if (total > limit) throw new TruceError('E003_INPUT_TOO_LARGE', { what, size: `more than ${limit}`, limit });
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

export function readSource(path: string, options: { encoding?: string; mediaType?: MediaType } = {}): SourceText {
  const what = path === '-' ? 'standard input' : path;
  const limit = maxInputBytes();
  let fd: number;
  if (path === '-') fd = 0;
  else {
    try {
      fd = openSync(path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new TruceError('E001_INPUT_NOT_FOUND', { path });
      throw err;
    }
  }
  try {
    if (fd !== 0) {
      const size = fstatSync(fd).size;
      if (size > limit) throw new TruceError('E003_INPUT_TOO_LARGE', { what, size, limit });
    }
    const bytes = readAllBounded(fd, what, limit);
    const text = decodeReportBytes(bytes, { what, encoding: options.encoding, maxBytes: limit });
    return { text, name: what, mediaType: options.mediaType ?? sniffMediaType(text, path === '-' ? undefined : path) };
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}
