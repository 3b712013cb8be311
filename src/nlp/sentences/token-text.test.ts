import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readSentences } from './sentences.stage.js';
import { lowerOf, tokenTexts } from './token-text.js';

function check(body: string): void {
  const layer = readSentences(body);
  for (const known of [tokenTexts(layer, body), tokenTexts({ ...layer }, body)]) {
    assert.equal(known.texts.length, layer.tokens.length);
    layer.tokens.forEach((t, i) => {
      const text = body.slice(t.start, t.end);
      assert.equal(known.texts[i], text, body);
      assert.equal(known.lower(i), text.toLowerCase(), body);
    });
  }
}

test('token texts are the tokens as sliced from the body, and their lower case', () => {
  for (const body of [
    'U.S. envoys met on Monday. Talks resumed.',
    'The İstanbul talks can’t “resume” — ÉLYSÉE said, and the NATO chief didn’t.\n\nSecond  paragraph\u00a0here.',
    '',
  ])
    check(body);
  fc.assert(
    fc.property(fc.string({ maxLength: 120 }), (body) => check(body)),
    { numRuns: 300 },
  );
});

test('lowerOf lower-cases like toLowerCase, ASCII and beyond', () => {
  for (const s of ['abc', 'ABC', 'Abc1', 'İstanbul', 'ÉLYSÉE', 'ǅ', '', '12', 'ß', 'ΣΑΣ'])
    assert.equal(lowerOf(s), s.toLowerCase(), s);
  fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => lowerOf(s) === s.toLowerCase()));
});
