/**
 * The decoder of HTTP's `deflate` content-coding. The standard says the zlib format (RFC 1950), but
 * some servers send raw deflate (RFC 1951) under that name; browsers accept both by looking at the
 * first two bytes, and so do we: a valid zlib header (compression method 8, window up to 32 KB,
 * header checksum a multiple of 31) means zlib, anything else raw deflate. node:zlib has no mode that
 * detects raw deflate itself (its auto-detection knows gzip and zlib only), hence this small wrapper.
 *
 * The inner inflater's output is pushed as it comes and the inner stream is paused while the reader
 * is behind, so the caller's limit on decoded bytes still stops a bomb as it streams.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { createInflate, createInflateRaw, type Inflate, type InflateRaw } from 'node:zlib';

/** Are these the two bytes of a zlib header (CMF, FLG)? */
export function isZlibHeader(first: number, second: number): boolean {
  return (first & 0x0f) === 8 && first >> 4 <= 7 && ((first << 8) | second) % 31 === 0;
}

/** A stream error carrying a zlib code, so callers report it as a corrupt body like zlib's own. */
function truncated(): Error {
  return Object.assign(new Error('unexpected end of file'), { code: 'Z_BUF_ERROR' });
}

export class DeflateDecoder extends Transform {
  #inner: Inflate | InflateRaw | null = null;
  /** The first byte, held while the second has not come. */
  #head: Buffer | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    if (!this.#inner) {
      data = this.#head ? Buffer.concat([this.#head, chunk]) : chunk;
      if (data.length < 2) {
        this.#head = data;
        done();
        return;
      }
      this.#head = null;
      this.#inner = this.#start(isZlibHeader(data[0]!, data[1]!));
    }
    this.#inner.write(data, (err) => done(err ?? undefined));
  }

  override _flush(done: TransformCallback): void {
    const inner = this.#inner;
    if (!inner) {
      // No body at all is an empty one; a single byte cannot be either format.
      done(this.#head ? truncated() : undefined);
      return;
    }
    inner.once('end', () => done());
    inner.end();
  }

  override _read(size: number): void {
    this.#inner?.resume();
    super._read(size);
  }

  override _destroy(err: Error | null, done: (error?: Error | null) => void): void {
    this.#inner?.destroy();
    done(err);
  }

  #start(zlib: boolean): Inflate | InflateRaw {
    const inner = zlib ? createInflate() : createInflateRaw();
    inner.on('data', (out: Buffer) => {
      if (!this.push(out)) inner.pause();
    });
    inner.on('error', (err) => this.destroy(err));
    return inner;
  }
}

export function createDeflateDecoder(): Transform {
  return new DeflateDecoder();
}
