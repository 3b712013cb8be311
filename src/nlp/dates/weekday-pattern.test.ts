import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { anchoredWeekdayPattern, createChrono } from './chrono.js';
import { loadDatesLexicon } from './lexicon.js';

// chrono's own weekday pattern, as its parser gives it.
const weekdayParser = chrono.en.casual.parsers.find((p) => p.constructor.name === 'ENWeekdayParser') as unknown as {
  pattern(context: unknown): RegExp;
};
const original = weekdayParser.pattern({ option: {} });
const anchored = anchoredWeekdayPattern(original);

// Fragments around weekday words: prefixes, look-alikes ("month", "Saturn", "weekly"), punctuation, spaces.
const FRAGMENTS = [
  'on',
  'On',
  'this',
  'last',
  'past',
  'next',
  'of',
  'week',
  'weekend',
  'weekday',
  'weekly',
  'Monday',
  'MONDAY',
  'mon',
  'Mon.',
  'month',
  'monthly',
  'Tue.',
  'tues',
  'Wednesday',
  'wed.',
  'thurs.',
  'Thur',
  'thu',
  'fri',
  'Friday',
  'sat.',
  'Saturn',
  'Sun',
  'sunday',
  'Sundays',
  'lasting',
  'ontario',
  'x',
  'said',
  '2016',
  ',',
  '(',
  '（',
  ')',
  '）',
  '.',
  '-',
  '\u00a0',
  ' ',
  '  ',
  '\n',
  '',
];

function sameExec(text: string): void {
  const want = original.exec(text);
  const got = anchored!.exec(text);
  assert.equal(got?.index, want?.index, text);
  assert.deepEqual(got ? [...got] : null, want ? [...want] : null, text);
}

test('the anchored weekday pattern is built for the chrono version in use', () => {
  assert.ok(anchored, 'chrono-node changed its weekday pattern: update WEEKDAY_SOURCE in chrono.ts');
});

test('the anchored weekday pattern finds what the pattern finds, with the same groups', () => {
  for (const text of [
    '',
    'Monday',
    'on Monday',
    'It happened on Monday, they said.',
    'the month of May, last Friday (local time)',
    'Saturn weekly, this weekend and next Sunday of next week',
    'x,  on   this   Tue. and (Wed)',
    'lastmonday onmonday monday',
  ])
    sameExec(text);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }), fc.string({ maxLength: 3 }), (parts, s) =>
      sameExec(parts.join(s.length % 2 ? ' ' : '') + s),
    ),
    { numRuns: 20_000 },
  );
});

test('our chrono gives the same results with the anchored weekday parser as with the original one', () => {
  const ours = createChrono(loadDatesLexicon());
  const plain = ours.clone();
  // The wrapped parser is the one whose pattern is no RegExp.
  const k = plain.parsers.findIndex(
    (p) => !((p as unknown as typeof weekdayParser).pattern({ option: {} }) instanceof RegExp),
  );
  assert.ok(k >= 0, 'the wrapped weekday parser is in place');
  plain.parsers[k] = weekdayParser as unknown as (typeof plain.parsers)[number];
  const ref = { instant: new Date('2016-05-04T12:00:00Z'), timezone: 0 };
  for (const text of [
    'Talks resumed on Monday, and the army said last Friday (local time) that it would leave by Sunday.',
    'On Tuesday; and on Wednesday of next week\n;\nSaturn, Monday to Friday, this weekend.',
    'The strike came (Thursday) after a weekday lull, on Sat. and Sun.',
  ]) {
    const strip = (rs: ReturnType<typeof ours.parse>) => rs.map((r) => [r.index, r.text, r.start.date().toISOString()]);
    const got = strip(ours.parse(text, ref, { forwardDate: false }));
    assert.deepEqual(got, strip(plain.parse(text, ref, { forwardDate: false })), text);
    assert.ok(got.length >= 2, text);
  }
});
