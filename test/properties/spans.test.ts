import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createReader } from '../../src/nlp/analyze.js';
import { toAnalysis } from '../../src/nlp/present.js';
import { parseIsoDay } from '../../src/core/date.js';

// Invariant of the whole pipeline: whatever the text, every span slices out its own text and
// lies inside the body, and the pipeline never throws.
const reader = createReader();
const words = [
  'Aleppo',
  'rebels',
  'government forces',
  'shelled',
  'killed',
  '12',
  'people',
  'on Monday',
  'said',
  '“',
  '”',
  '"',
  'Kerry',
  'al-Rai',
  'Islamic State',
  'withdrew',
  'from',
  'near',
  ',',
  '.',
  '\n\n',
  'U.S.',
  'é',
  '🙂',
  'the',
  'convoy',
  'would',
  'not',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 80 })
  .map((parts) => parts.join(' '));

test('every span of every layer slices out its own text', () => {
  fc.assert(
    fc.property(text, (raw) => {
      const doc = reader.read({ raw, mediaType: 'text/plain', published: parseIsoDay('2016-09-04')! });
      const a = toAnalysis(doc);
      const body = a.report.body;
      for (const s of [...a.entities, ...a.quotes]) {
        assert.ok(s.start >= 0 && s.start <= s.end && s.end <= body.length);
        assert.equal(body.slice(s.start, s.end), s.text);
      }
      for (const e of a.events) assert.equal(body.slice(e.start, e.end), e.evidence);
      for (const t of doc.sentences?.tokens ?? []) assert.ok(t.start < t.end && t.end <= body.length);
    }),
    { numRuns: 150 },
  );
});
