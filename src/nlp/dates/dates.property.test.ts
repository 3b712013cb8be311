import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { IsoDay } from '../../core/date.js';
import { readSentences } from '../sentences/sentences.stage.js';
import { createDateFinder } from './dates.stage.js';

const finder = createDateFinder();

// Pieces of news-like text, many of them dates, joined with random spacing and punctuation.
const PIECES = [
  'on Sunday',
  'last month',
  'in February',
  'Sept. 3',
  'September 3, 2016',
  'yesterday',
  'tomorrow morning',
  'last week',
  'earlier this week',
  'three days ago',
  'the past 48 hours',
  'in 2011',
  'for nearly a year',
  'the army',
  'shelled',
  'Aleppo',
  'said',
  'will meet',
  'rebels',
  'the town',
  '“We will talk today,”',
  'in mid-July',
  'between March and May 2015',
  'Theresa May',
  '12/03/2016',
  'on Tuesday night',
  'next January',
  'killed 12 people',
];
const SEPARATORS = [' ', '  ', ', ', '. ', '.\n\n', ' — ', '\n', '; '];

const body = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));
const published = fc.option(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10) as IsoDay),
);

test('dates: every span slices out its own text, in order, and every range is well formed', () => {
  fc.assert(
    fc.property(body, published, (text, pub) => {
      const layer = finder.find(text, readSentences(text), pub);
      let last = 0;
      for (const d of layer.dates) {
        assert.equal(text.slice(d.start, d.end), d.text);
        assert.ok(d.start >= last && d.end > d.start && d.end <= text.length);
        assert.equal(d.text, d.text.trim());
        last = d.end;
        if (d.range === null) {
          assert.ok(pub === null && d.relative);
          continue;
        }
        assert.ok(d.range.first <= d.range.last);
        assert.ok([1, 2, 3].includes(d.range.precision));
        if (d.range.precision === 1) assert.equal(d.range.first, d.range.last);
      }
      assert.ok(layer.warnings.length <= 1);
    }),
    { numRuns: 300 },
  );
});
