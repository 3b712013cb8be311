import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { deflateRawSync, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { createDeflateDecoder, isZlibHeader } from './deflate-decoder.js';

/** Decodes `body` fed in pieces of `size` bytes. */
async function decode(body: Buffer, size: number): Promise<string> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) pieces.push(body.subarray(i, i + size));
  return text(Readable.from(pieces).pipe(createDeflateDecoder()));
}

describe('DeflateDecoder', () => {
  it('knows a zlib header from the first bytes of raw deflate', () => {
    for (const level of [0, 1, 6, 9]) {
      const z = deflateSync('x', { level });
      assert.ok(isZlibHeader(z[0]!, z[1]!), `zlib level ${level}`);
    }
    assert.equal(isZlibHeader(0x78, 0x00), false); // checksum wrong
    assert.equal(isZlibHeader(0x89, 0x50), false); // a PNG, not deflate at all
  });

  it('decodes both formats, whatever the pieces the body arrives in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 3000 }), fc.integer({ min: 1, max: 64 }), async (s, size) => {
        assert.equal(await decode(deflateSync(s), size), s);
        assert.equal(await decode(deflateRawSync(s), size), s);
      }),
      { numRuns: 60 },
    );
  });

  it('fails on a corrupt body with a zlib error code', async () => {
    await assert.rejects(decode(Buffer.from('neither format, just text'), 4), (e: NodeJS.ErrnoException) => {
      assert.match(e.code ?? '', /^Z_/);
      return true;
    });
  });
});
