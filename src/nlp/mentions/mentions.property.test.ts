import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createReader, createReadingPipeline } from '../analyze.js';

// The mentions layer's invariant, as for every layer (test/properties/spans.test.ts): whatever the
// text, each mention and its head slice out their own text, the head lies inside the mention, and
// mentions come in text order without overlapping.
const reader = createReader(createReadingPipeline({ mentions: true }));
const words = [
  'the',
  'The',
  'town',
  'villagers',
  'security forces',
  'he',
  'They',
  'we',
  'there',
  'of',
  'Syria',
  "Syria's",
  'the UK',
  'Iraqi',
  'militants',
  'and',
  'their',
  'pro-government',
  '43',
  'people',
  'said',
  ',',
  '.',
  '\n\n',
  'é',
  '🙂',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 5 })), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.join(' '));

test('every mention and its head slice out their own text, in order, without overlap', () => {
  let seen = 0;
  fc.assert(
    fc.property(text, (raw) => {
      const doc = reader.read({ raw, mediaType: 'text/plain' });
      const body = doc.clean?.body ?? '';
      let end = 0;
      for (const m of doc.mentions?.mentions ?? []) {
        assert.equal(body.slice(m.start, m.end), m.text, `mention ${JSON.stringify(m.text)}`);
        assert.equal(body.slice(m.head.start, m.head.end), m.head.text, `head of ${JSON.stringify(m.text)}`);
        assert.ok(m.start <= m.head.start && m.head.end <= m.end, `head inside ${JSON.stringify(m.text)}`);
        assert.ok(m.start >= end, `${JSON.stringify(m.text)} overlaps the mention before it`);
        end = m.end;
        seen++;
      }
    }),
    { numRuns: 200 },
  );
  assert.ok(seen > 0, 'the generated texts gave some mentions to check');
});

test('the default reading pipeline adds no mentions layer', () => {
  const doc = createReader().read({ raw: 'The villagers said they fled the town.', mediaType: 'text/plain' });
  assert.equal(doc.mentions, undefined, 'mentions are read only when asked for');
  assert.ok(doc.events, 'the default pipeline still reads events');
});
