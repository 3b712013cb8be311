import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createChrono } from './chrono.js';
import { createFastReader, type FastReading } from './fast.js';
import { loadDatesLexicon } from './lexicon.js';

const lexicon = loadDatesLexicon();
const fast = createFastReader(lexicon);
const chrono = createChrono(lexicon);
const reference = { instant: new Date('2016-09-04T12:00:00Z'), timezone: 0 };
const OPTIONS = { forwardDate: false };

// Words the fast reader must weigh: weekdays in any case, parts of the day, time units with and
// without a count or a sign, modifiers, names, time zones and punctuation chrono's patterns take.
const PIECES = [
  'Monday',
  'Tuesday',
  'Saturday',
  'Sunday',
  'tuesday',
  'FRIDAY',
  'on',
  'On',
  'on Wednesday',
  'night',
  'Night',
  'evening',
  'morning',
  'afternoon',
  'noon',
  'midnight',
  'lastnight',
  'last',
  'this',
  'overnight',
  'tonight',
  'day',
  'days',
  'weeks',
  'hours',
  'a year',
  'week',
  'this week',
  'last week',
  'month',
  'end of the',
  'two',
  'a',
  'the',
  'few',
  'several',
  'couple of',
  'about',
  '3',
  '-',
  '+',
  ',',
  '(',
  ')',
  '.',
  'and',
  'to',
  'Times',
  'Ruby',
  'Live',
  'EST',
  'at',
  'in',
  'Reuters',
  'rebels said',
  'killing two',
  'Kiev',
];
const SEPARATORS = ['', ' ', ' ', ' ', '  ', '-', ', ', '\n'];
const sentence = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

// The stage reads the certain components (resolve.ts reads implied ones only for day words and units).
const shown = (results: readonly Pick<FastReading, 'index' | 'text' | 'start'>[]) =>
  results.map((r) => [
    r.index,
    r.text,
    ...(['year', 'month', 'day', 'weekday'] as const).map((c) => (r.start.isCertain(c) ? r.start.get(c) : null)),
  ]);

// Where the fast reader answers, chrono (with our refiners) must give the same readings, read alone
// or inside a joined report as the stage hands it over.
function check(text: string): boolean {
  const quick = fast.read(text);
  if (!quick) return false;
  assert.deepEqual(shown(quick), shown(chrono.parse(text, reference, OPTIONS)), `alone: ${JSON.stringify(text)}`);
  const before = 'Talks stalled.\n;\n';
  const joined = chrono
    .parse(`${before}${text}\n;\nThe envoy left.`, reference, OPTIONS)
    .map((r) => ({ index: r.index - before.length, text: r.text, start: r.start }));
  assert.deepEqual(shown(quick), shown(joined), `joined: ${JSON.stringify(text)}`);
  return true;
}

test('dates fast reader: the same readings as chrono on generated sentences', () => {
  let answered = 0;
  fc.assert(
    fc.property(sentence, (text) => {
      if (check(text)) answered++;
    }),
    { numRuns: Number(process.env.FAST_RUNS ?? 6000) },
  );
  assert.ok(answered > 300, `the fast reader answered ${answered} of the generated sentences`);
});
