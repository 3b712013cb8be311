import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { paragraphsOf, readSentences } from './sentences.stage.js';

test('sentences: splits paragraphs and sentences, keeps abbreviations whole', () => {
  const rows: Array<[string, string[]]> = [
    ['U.S. envoys met on Monday. Talks resumed.', ['U.S. envoys met on Monday.', 'Talks resumed.']],
    ['First paragraph.\n\nSecond one here.', ['First paragraph.', 'Second one here.']],
    ['“We are close,” he said. “Not yet.”', ['“We are close,” he said.', '“Not yet.”']],
  ];
  for (const [body, expected] of rows) {
    const layer = readSentences(body);
    assert.deepEqual(
      layer.sentences.map((s) => body.slice(s.start, s.end)),
      expected,
      body,
    );
  }
});

test('paragraphsOf trims blank space and ignores empty paragraphs', () => {
  assert.deepEqual(paragraphsOf('  a b \n\n\n c\n\n  \n'), [
    { start: 2, end: 5 },
    { start: 10, end: 11 },
  ]);
});

test('language: English passes, other languages are flagged with a warning', () => {
  const english = readSentences(
    'The army said that the rebels had withdrawn from the town and that the road was open.',
  );
  assert.equal(english.english, true);
  const french = readSentences(
    "L'armée a déclaré que les rebelles s'étaient retirés de la ville et que la route était ouverte.",
  );
  assert.equal(french.english, false);
  assert.match(french.warnings[0] ?? '', /^W101/);
});

test('tokenising loses no character: tokens are in order, in range, and cover all non-space text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (body) => {
      const layer = readSentences(body);
      let last = 0;
      for (const t of layer.tokens) {
        assert.ok(t.start >= last && t.end > t.start && t.end <= body.length);
        assert.ok(
          body.slice(last, t.start).trim() === '' || !layer.paragraphs.some((p) => p.start <= last && t.start <= p.end),
        );
        last = t.end;
      }
      for (const s of layer.sentences) assert.ok(s.start < s.end && s.end <= body.length);
    }),
    { numRuns: 300 },
  );
});
