import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as chrono from 'chrono-node';
import { endOfPeriodGuarded, guarded, mayEndPeriod, PARSER_GUARDS, timezoneGuarded } from './chrono.js';

type Parser = (typeof chrono.en.casual.parsers)[number];

// Words and characters the guarded patterns turn on, with look-alikes, mixed in any case.
const PIECES = [
  '3 days',
  'two weeks',
  'a year',
  'an hour',
  'the past few',
  'about',
  'and',
  ',',
  'ago',
  'before',
  'earlier',
  'Ago',
  'BEFORE',
  'Earlier',
  'sago',
  'agony',
  'earliest',
  'beforehand',
  'days',
  'h',
  'y',
  '12',
  '9/2016',
  '12/2015',
  '1/',
  '/2',
  '0/1999',
  '10/20',
  '\n;\n',
  'rebels said',
];
const SEPARATORS = ['', ' ', '  ', '-', '.', ', ', '\n', '_'];
const text = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 20 })
    .map((parts) => parts.map(([p, s]) => p + s).join('')),
  fc.string({ maxLength: 40 }),
);

const reference = { instant: new Date('2016-09-04T12:00:00Z'), timezone: 0 };
const shown = (results: readonly chrono.ParsedResult[]) =>
  results.map((r) => [r.index, r.text, JSON.stringify(r.start), JSON.stringify(r.end ?? null)]);

// A text each parser reads, so the comparison is not only of empty results.
const READ_BY: Record<string, string> = {
  ENTimeUnitAgoFormatParser: 'Rebels left the town three days ago.',
  ENSlashMonthFormatParser: 'The report of 9/2016 said so.',
};

for (const [name, guard] of PARSER_GUARDS) {
  test(`chrono guard for ${name}: the guarded parser reads exactly what the parser reads`, () => {
    const inner = chrono.en.casual.parsers.find((p: Parser) => p.constructor.name === name);
    assert.ok(inner, `${name} is one of chrono's casual parsers`);
    const plain = new chrono.Chrono({ parsers: [inner], refiners: [] });
    const withGuard = new chrono.Chrono({ parsers: [guarded(inner, guard)], refiners: [] });
    assert.ok(plain.parse(READ_BY[name]!, reference).length > 0);
    assert.deepEqual(shown(withGuard.parse(READ_BY[name]!, reference)), shown(plain.parse(READ_BY[name]!, reference)));
    fc.assert(
      fc.property(text, (t) => {
        assert.deepEqual(shown(withGuard.parse(t, reference)), shown(plain.parse(t, reference)));
      }),
      { numRuns: 3000 },
    );
  });
}

// Dates, the words that follow them (time zones among look-alikes) and separators, in any order.
const ZONE_PIECES = [
  'on Monday',
  'Sept. 5',
  '3 September 2016',
  'last week',
  'yesterday',
  'two days ago',
  'EST',
  '(GMT)',
  'pst',
  'ET',
  'in',
  'and',
  'Abc',
  'CEST',
  'XYZW',
  '10 am',
  ',',
  '(',
  '\n;\n',
];
const zoneText = fc
  .array(fc.tuple(fc.constantFrom(...ZONE_PIECES), fc.constantFrom(' ', ', ', '', ' (')), { maxLength: 14 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

test('the time-zone refiner handed only zoned results gives what chrono gives', () => {
  const plain = chrono.en.casual.clone();
  const withGuard = chrono.en.casual.clone();
  withGuard.refiners = withGuard.refiners.map((r) =>
    r.constructor.name === 'ExtractTimezoneAbbrRefiner' ? timezoneGuarded(r) : r,
  );
  assert.notDeepEqual(withGuard.refiners, plain.refiners);
  const zoned = 'Talks ended on Monday EST and resumed Sept. 5 (GMT).';
  assert.ok(plain.parse(zoned, reference).some((r) => r.start.isCertain('timezoneOffset')));
  assert.deepEqual(shown(withGuard.parse(zoned, reference)), shown(plain.parse(zoned, reference)));
  fc.assert(
    fc.property(zoneText, (t) => {
      assert.deepEqual(shown(withGuard.parse(t, reference)), shown(plain.parse(t, reference)));
    }),
    { numRuns: 3000 },
  );
});

const END_PIECES = ['the end of', 'End  of the', 'last day of', 'last\tday of', 'weekend of', 'of', 'the', 'THE'];
const PERIODS = ['this week', 'next month', 'July', 'last year', 'the month', 'May 5', 'Monday', 'fighting'];
const endText = fc
  .array(fc.tuple(fc.constantFrom(...END_PIECES, ...PERIODS), fc.constantFrom(' ', '  ', '\n', '', ', ', '\n;\n')), {
    maxLength: 12,
  })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

test('mayEndPeriod holds wherever the end-of-period refiner matches the text before', () => {
  const prefix = /\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i;
  fc.assert(
    fc.property(endText, fc.nat(), (t, n) => {
      const index = n % (t.length + 1);
      if (prefix.test(t.slice(0, index))) assert.ok(mayEndPeriod(t, index), JSON.stringify([t, index]));
    }),
    { numRuns: 5000 },
  );
});

test('the end-of-period refiner handed only movable results gives what chrono gives', () => {
  const plain = chrono.en.casual.clone();
  const withGuard = chrono.en.casual.clone();
  withGuard.refiners = withGuard.refiners.map((r) =>
    r.constructor.name === 'ENEndOfPeriodRefiner' ? endOfPeriodGuarded(r) : r,
  );
  const moved = 'Troops will stay until the end of this week, and until the last day of July.';
  assert.ok(plain.parse(moved, reference).some((r) => r.text.startsWith('end of')));
  assert.deepEqual(shown(withGuard.parse(moved, reference)), shown(plain.parse(moved, reference)));
  fc.assert(
    fc.property(endText, (t) => {
      assert.deepEqual(shown(withGuard.parse(t, reference)), shown(plain.parse(t, reference)));
    }),
    { numRuns: 3000 },
  );
});
