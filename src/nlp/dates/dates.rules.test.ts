import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IsoDay } from '../../core/date.js';
import { readSentences } from '../sentences/sentences.stage.js';
import { createDateFinder } from './dates.stage.js';
import { loadDatesLexicon } from './lexicon.js';

// Every rule of data/dates/dates.yaml is run on its own example.
const lexicon = loadDatesLexicon();
const finder = createDateFinder(lexicon);
const PUBLISHED = '2016-09-04' as IsoDay; // a Sunday

function datesIn(sentence: string) {
  return finder.find(sentence, readSentences(sentence), PUBLISHED).dates;
}

for (const rule of lexicon.data.triggers) {
  test(`trigger ${rule.id}: its example passes the prefilter and holds a date`, () => {
    assert.match(rule.example, new RegExp(rule.pattern, rule.caseSensitive ? '' : 'i'));
    assert.ok(lexicon.mayHoldDate(rule.example));
    assert.ok(datesIn(rule.example).length > 0, rule.example);
  });
}

for (const cue of lexicon.data.futureCues) {
  test(`future cue "${cue.phrase}": its example resolves after publication`, () => {
    const dates = datesIn(cue.example);
    assert.ok(dates.length > 0, cue.example);
    for (const d of dates) assert.ok(d.range && d.range.first > PUBLISHED, `${d.text} -> ${d.range?.first}`);
  });
}

for (const rule of [...lexicon.data.exclude, ...lexicon.data.skipText]) {
  test(`not a date, ${rule.id}: its example yields no date`, () => {
    assert.deepEqual(
      datesIn(rule.example).map((d) => d.text),
      [],
    );
  });
}

test('a sentence with no trigger is not handed to chrono', () => {
  assert.equal(lexicon.mayHoldDate('Rebels shelled the western districts and the army answered.'), false);
  assert.equal(lexicon.mayHoldDate('Residents may leave, and thousands march.'), false);
});
