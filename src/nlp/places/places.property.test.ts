/** Invariant: every place span slices out its own text, in order, inside the body. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { placesOf } from './test-helpers.js';

const PIECES = [
  'Aleppo',
  'al-Rai',
  "Ar Ra'i",
  'Deir ez-Zor',
  'Syria',
  'the U.S.',
  'Moscow has backed',
  "Washington's envoy",
  'near',
  'north of',
  'Idlib province',
  'Theresa May',
  'Tripoli',
  'eastern Aleppo',
  'Hangzhou',
  'the',
  'rebels',
  'said',
  'São Paulo',
  'Bab al-Salama',
  'As',
  'Al',
  '-',
  ',',
  '.',
  '’s',
  '\n\n',
  'Kyiv-held',
  'Middle East',
  'Monday',
];

it('place spans are exact, ordered and in range', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
      fc.array(fc.constantFrom(' ', '', '  '), { minLength: 40, maxLength: 40 }),
      (pieces, gaps) => {
        const body = pieces.map((p, i) => p + gaps[i]!).join('');
        const { places } = placesOf(body);
        let last = -1;
        for (const p of places) {
          assert.equal(body.slice(p.start, p.end), p.text);
          assert.ok(p.start >= 0 && p.end <= body.length && p.start < p.end);
          assert.ok(p.start >= last, 'spans out of order');
          last = p.start;
          assert.ok(p.geoPrecision >= 1 && p.geoPrecision <= 3);
        }
      },
    ),
    { numRuns: 300 },
  );
});
